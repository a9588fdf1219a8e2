// Module-level node types: a new object on each render would remount every node.
import type { NodeTypes } from '@xyflow/react';
import { ComponentNodeView } from './ComponentNodeView';
import { ScopeNodeView } from './ScopeNodeView';

export const nodeTypes: NodeTypes = { component: ComponentNodeView, scope: ScopeNodeView };
