/** Pipeline values the library creates. */
import { newPipelineId } from '../model/ids.ts';
import { CURRENT_FORMAT_VERSION, PIPELINE_FORMAT, type Pipeline } from '../model/pipeline.ts';

/** A new, empty pipeline. */
export function blankPipeline(name = 'Untitled pipeline'): Pipeline {
  return {
    format: PIPELINE_FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    id: newPipelineId(),
    name,
    nodes: [],
    edges: [],
  };
}
