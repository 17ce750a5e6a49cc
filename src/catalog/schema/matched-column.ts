import { castRule } from './cast-rule.js';
import type { ColumnOutcome } from './column-outcome.js';
import { columnSchema } from './column-outcome.js';
import type { ColumnChange, ColumnChangeKind, ColumnSchema } from './column-schema.js';
import { formatDuckDbType } from './format-duckdb-type.js';
import { parseDuckDbType } from './parse-duckdb-type.js';
import { widen } from './widening.js';

/**
 * A dataset column the incoming data also has. It keeps the dataset's name and nullability;
 * its type becomes the wider of the two, or the append is incompatible when there is none.
 */
export function matchedColumn(current: ColumnSchema, incoming: ColumnSchema): ColumnOutcome {
  const [datasetType, incomingType] = [
    parseDuckDbType(current.type),
    parseDuckDbType(incoming.type),
  ];
  const [from, to] = [formatDuckDbType(datasetType), formatDuckDbType(incomingType)];
  const unchanged = columnSchema(current.name, from, current.nullable);
  const change = (kind: ColumnChangeKind, reason: string): ColumnChange => ({
    column: current.name,
    kind,
    from,
    to,
    compatible: kind !== 'incompatible',
    reason,
  });
  if (from === to) {
    return { change: change('unchanged', `same type ${from}`), result: unchanged, rule: null };
  }
  const widening = widen(datasetType, incomingType);
  if (!widening.ok) {
    const reason = `the incoming ${to} does not fit the dataset's ${from}: ${widening.reason}`;
    return {
      change: change('incompatible', reason),
      result: unchanged,
      rule: castRule(current.name, incoming.name, datasetType, incomingType),
    };
  }
  const wider = formatDuckDbType(widening.type);
  return {
    change: change('widened', widenedReason(from, to, wider)),
    result: columnSchema(current.name, wider, current.nullable),
    rule: null,
  };
}

function widenedReason(from: string, to: string, wider: string): string {
  if (wider === from) return `the incoming ${to} values fit the dataset's ${from}`;
  return `the dataset column widens from ${from} to ${wider} to hold the incoming ${to} values`;
}
