// The exported diagram as it will look: Mermaid source from the simulator's export (architecture
// or request sequence), rendered to SVG here. Renders are numbered so that a slow one never
// overwrites a newer one.
import { useEffect, useMemo, useRef, useState } from 'react';
import { architectureMermaid } from '../../simulator/export/architecture-mermaid';
import { sequenceMermaid } from '../../simulator/export/sequence-mermaid';
import { usePlacewise } from '../context';

type Mermaid = (typeof import('mermaid'))['default'];
let mermaidLoad: Promise<Mermaid> | null = null;

function loadMermaid(): Promise<Mermaid> {
  mermaidLoad ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'neutral',
      flowchart: { htmlLabels: false },
    });
    return mermaid;
  });
  return mermaidLoad;
}

let renderCounter = 0;

interface DiagramProps {
  optionId: string | null;
  kind: 'architecture' | 'sequence';
  actualSize: boolean;
}

export function Diagram({ optionId, kind, actualSize }: DiagramProps) {
  const scenario = usePlacewise((state) => state.lastValidScenario);
  const results = usePlacewise((state) => state.results);
  const host = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [renders, setRenders] = useState(0);

  const source = useMemo(() => {
    if (!scenario || !optionId) return null;
    try {
      return (kind === 'sequence' ? sequenceMermaid : architectureMermaid)(scenario, results, optionId);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [scenario, results, optionId, kind]);

  useEffect(() => {
    if (source === null) {
      // A document opened with errors has no diagram yet; the previous document's would mislead.
      if (host.current) host.current.innerHTML = '';
      return;
    }
    if (source instanceof Error) {
      setProblem(source.message);
      return;
    }
    const ticket = ++renderCounter;
    let current = true;
    loadMermaid()
      .then((mermaid) => mermaid.render(`placewise-diagram-${ticket}`, source))
      .then(({ svg }) => {
        if (!current || !host.current) return;
        host.current.innerHTML = svg;
        setProblem(null);
        setRenders((count) => count + 1);
      })
      .catch((error: unknown) => {
        if (current) setProblem(error instanceof Error ? error.message : String(error));
      });
    return () => {
      current = false;
    };
  }, [source]);

  return (
    <section className="diagram-panel">
      <div
        className={`diagram${actualSize ? ' actual-size' : ''}`}
        data-testid="diagram"
        data-renders={renders}
        ref={host}
      />
      {problem ? (
        <p className="field-error" role="alert">
          Diagram: {problem}
        </p>
      ) : null}
    </section>
  );
}
