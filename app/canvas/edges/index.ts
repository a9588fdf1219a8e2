// Module-level edge types: a new object on each render would remount every edge.
import type { EdgeTypes } from '@xyflow/react';
import { LinkEdgeView } from './LinkEdgeView';

export const edgeTypes: EdgeTypes = { link: LinkEdgeView };
