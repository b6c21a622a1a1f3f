// Arithmetic over memory values (felts and relocatables), as cairo-lang's RelocatableValue does it.
import * as F from './felt';
import { Relocatable, Value, valueToString } from './relocatable';
import { VmError } from './errors';

function pureError(oper: string, ...values: Value[]): VmError {
  const text = values.length > 1 ? `values: (${values.map(valueToString).join(', ')})` : `value: ${valueToString(values[0])}`;
  return new VmError('PureValue', `Could not complete computation ${oper} of non pure ${text}.`);
}

export function addValues(a: Value, b: Value): Value {
  if (typeof a !== 'object') {
    if (typeof b !== 'object') return F.add(a, b);
    return b.add(a);
  }
  if (typeof b !== 'object') return a.add(b);
  throw pureError('+', a, b);
}

export function subValues(a: Value, b: Value): Value {
  if (typeof a !== 'object') {
    if (typeof b !== 'object') return F.sub(a, b);
    throw pureError('-', a, b);
  }
  if (typeof b !== 'object') return a.add(F.neg(b));
  if (a.segment !== b.segment) {
    throw new VmError('PureValue', `Can only subtract two relocatable values of the same segment (${a.segment} != ${b.segment}).`);
  }
  return F.toFelt(a.offset - b.offset);
}

export function mulValues(a: Value, b: Value): Value {
  if (typeof a === 'object' || typeof b === 'object') throw pureError('*', a, b);
  return F.mul(a, b);
}

export function asRelocatable(v: Value, what: string): Relocatable {
  if (typeof v === 'object') return v;
  throw new VmError('PureValue', `${what} must be a relocatable value, got the felt ${valueToString(v)}.`);
}

export function asFelt(v: Value, what: string): F.Felt {
  if (typeof v !== 'object') return v;
  throw new VmError('PureValue', `${what} must be a felt, got the relocatable ${v}.`);
}
