import { CrmError } from './errors';
import { indexOf } from '../lifecycle/machine/defineLifecycle';
import type { LifecycleState } from '../lifecycle/machine/state';
import { transition } from '../lifecycle/machine/transition';
import type { Pipeline } from './definePipeline';

/**
 * One move through the pipeline's lifecycle machine (event `to.<stage>`). A stage no move reaches
 * has no event in the machine; that is a disallowed move too, so it is INVALID_TRANSITION.
 */
export function machineStep(pipeline: Pipeline, state: LifecycleState, toStage: string, now: Date): LifecycleState {
  const event = `to.${toStage}`;
  if (!indexOf(pipeline.lifecycle).events.has(event)) {
    throw new CrmError('INVALID_TRANSITION', { params: { event, from: state.stage } });
  }
  return transition(pipeline.lifecycle, state, event, { now }).state;
}
