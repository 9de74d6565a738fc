/**
 * Arazzo navigation as pure functions over resolved documents: definition from a step's
 * `operationId`/`operationPath` to the operation and from `$steps.x.outputs.y` to that output;
 * references from an operation to every step calling it. Locations are (uri, pointer) pairs.
 */
import { joinPointer, splitPointer } from '../../jsonPointer';
import type { ArazzoAnalysis } from './analyze';
import { expressionsIn } from './expressions';
import type { WorkflowView } from './model';

export interface PointerLocation { uri: string; pointer: string; target: 'key' | 'value' }

/** Where the name at `pointer` (a pointer into the Arazzo document) is defined. */
export function arazzoDefinition(analysis: ArazzoAnalysis, arazzoUri: string, value: unknown, pointer: string): PointerLocation | undefined {
  for (const workflow of analysis.workflows) {
    for (const step of workflow.steps) {
      if (pointer !== joinPointer(step.pointer, 'operationId') && pointer !== joinPointer(step.pointer, 'operationPath')) continue;
      const target = analysis.targets.get(step);
      if (target?.kind === 'operation') return { uri: target.op.at.uri, pointer: target.op.at.pointer, target: 'key' };
    }
    const text = stringAt(value, pointer);
    if (text !== undefined && pointer.startsWith(workflow.pointer + '/')) {
      for (const e of expressionsIn(text, /\/condition$/.test(pointer))) {
        if (e.kind !== 'steps' || e.field !== 'outputs' || !e.name) continue;
        const found = outputOf(workflow, e.id, e.name);
        if (found) return { uri: arazzoUri, pointer: found, target: 'key' };
      }
    }
  }
  return undefined;
}

function outputOf(workflow: WorkflowView, stepId: string, name: string): string | undefined {
  const step = workflow.steps.find((s) => s.id === stepId);
  const outputs = step?.node.outputs;
  if (!step || !outputs || typeof outputs !== 'object') return undefined;
  const parts = name.split('.');
  for (let i = parts.length; i > 0; i--) {
    const key = parts.slice(0, i).join('.');
    if (Object.prototype.hasOwnProperty.call(outputs, key)) return joinPointer(step.pointer, 'outputs', key);
  }
  return undefined;
}

function stringAt(value: unknown, pointer: string): string | undefined {
  let node = value;
  for (const seg of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The step fields (`operationId` / `operationPath`) in `analysis` that call the operation at (specUri, operationPointer). */
export function stepsCalling(analysis: ArazzoAnalysis, arazzoUri: string, operationUri: string, operationPointer: string): PointerLocation[] {
  const out: PointerLocation[] = [];
  for (const workflow of analysis.workflows) {
    for (const step of workflow.steps) {
      const target = analysis.targets.get(step);
      if (target?.kind === 'operation' && target.op.at.uri === operationUri && target.op.at.pointer === operationPointer) {
        out.push({ uri: arazzoUri, pointer: joinPointer(step.pointer, target.field), target: 'value' });
      }
    }
  }
  return out;
}
