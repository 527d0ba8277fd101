// Parquet files laid out as LeRobot's Python writer (pyarrow) lays them out:
// root "schema" REQUIRED, every column OPTIONAL, lists in the three-level
// LIST / list / element layout, SNAPPY, dictionary-encoded pages, the Arrow
// schema in the `ARROW:schema` key (so Arrow readers get fixed_size_list
// vectors back), plus `huggingface` (data) or `pandas` (tasks) metadata.
// One write() call is one row group: LeRobot writes one per episode.
import { randomBytes } from 'node:crypto';
import * as arrow from 'apache-arrow';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { pyJson, type PyValue } from './pyJson.ts';

export type ColumnType =
  | { t: 'int64' }
  | { t: 'float32' }
  | { t: 'float64' }
  | { t: 'utf8' }
  | { t: 'fixedList'; n: number; item: ColumnType }
  | { t: 'list'; item: ColumnType };

export const T = {
  int64: { t: 'int64' } as ColumnType,
  float32: { t: 'float32' } as ColumnType,
  float64: { t: 'float64' } as ColumnType,
  utf8: { t: 'utf8' } as ColumnType,
  fixedList: (n: number, item: ColumnType): ColumnType => ({ t: 'fixedList', n, item }),
  list: (item: ColumnType): ColumnType => ({ t: 'list', item }),
};

export interface Column {
  name: string;
  type: ColumnType;
}

/** What hyparquet-writer takes as a schema element (a subset of parquet's thrift SchemaElement). */
interface SchemaElement {
  name: string;
  type?: 'INT64' | 'FLOAT' | 'DOUBLE' | 'BYTE_ARRAY';
  repetition_type?: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
  num_children?: number;
  converted_type?: 'LIST' | 'UTF8';
  logical_type?: { type: 'LIST' } | { type: 'STRING' };
}

const PRIMITIVE: Record<'int64' | 'float32' | 'float64' | 'utf8', Omit<SchemaElement, 'name'>> = {
  int64: { type: 'INT64' },
  float32: { type: 'FLOAT' },
  float64: { type: 'DOUBLE' },
  utf8: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
};

function schemaElements(name: string, type: ColumnType): SchemaElement[] {
  if (type.t === 'fixedList' || type.t === 'list') {
    return [
      { name, repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST', logical_type: { type: 'LIST' } },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      ...schemaElements('element', type.item),
    ];
  }
  return [{ name, repetition_type: 'OPTIONAL', ...PRIMITIVE[type.t] }];
}

function arrowType(type: ColumnType): arrow.DataType {
  switch (type.t) {
    case 'int64':
      return new arrow.Int64();
    case 'float32':
      return new arrow.Float32();
    case 'float64':
      return new arrow.Float64();
    case 'utf8':
      return new arrow.Utf8();
    case 'fixedList':
      return new arrow.FixedSizeList(type.n, new arrow.Field('item', arrowType(type.item), true));
    case 'list':
      return new arrow.List(new arrow.Field('item', arrowType(type.item), true));
  }
}

/** The `ARROW:schema` value pyarrow writes: base64 of the IPC Schema message (no end-of-stream marker). */
export function arrowSchemaMetadata(columns: Column[], metadata: [string, string][]): string {
  const schema = new arrow.Schema(
    columns.map((c) => new arrow.Field(c.name, arrowType(c.type), true)),
    new Map(metadata),
  );
  const ipc = arrow.tableToIPC(new arrow.Table(schema), 'stream');
  return Buffer.from(ipc.subarray(0, ipc.length - 8)).toString('base64');
}

/** LeRobot's `huggingface` metadata: the datasets Features of the data columns and a random fingerprint. */
export function huggingfaceMetadata(features: Record<string, { dtype: string; shape: number[] }>): string {
  const out: Record<string, PyValue> = {};
  for (const [name, f] of Object.entries(features)) {
    if (f.dtype === 'video') continue;
    out[name] = f.shape.length === 1 && f.shape[0] === 1 ? { dtype: f.dtype, _type: 'Value' } : { feature: { dtype: f.dtype, _type: 'Value' }, length: f.shape[0]!, _type: 'List' };
  }
  return pyJson({ info: { features: out }, fingerprint: randomBytes(8).toString('hex') });
}

/** The `pandas` metadata of meta/tasks.parquet: the task string is the frame's index, not a column. */
export function pandasTasksMetadata(): string {
  return pyJson({
    index_columns: ['__index_level_0__'],
    column_indexes: [{ name: null, field_name: null, pandas_type: 'unicode', numpy_type: 'object', metadata: { encoding: 'UTF-8' } }],
    columns: [
      { name: 'task_index', field_name: 'task_index', pandas_type: 'int64', numpy_type: 'int64', metadata: null },
      { name: null, field_name: '__index_level_0__', pandas_type: 'unicode', numpy_type: 'object', metadata: null },
    ],
    attributes: {},
    creator: { library: 'pyarrow', version: '25.0.1' },
    pandas_version: '2.3.3',
  });
}

type Cell = number | bigint | string | null | Cell[];

function toWriterValue(value: Cell, type: ColumnType): unknown {
  if (value === null) return null;
  if (type.t === 'fixedList' || type.t === 'list') {
    if (!Array.isArray(value)) throw new TypeError(`expected a list for a ${type.t} column`);
    return value.map((v) => toWriterValue(v, type.item));
  }
  if (type.t === 'int64') return typeof value === 'bigint' ? value : BigInt(value as number);
  return value;
}

export class ParquetFileWriter {
  private readonly writer: ReturnType<typeof fileWriter>;
  private readonly pq: ParquetWriter;
  rows = 0;
  rowGroups = 0;

  constructor(
    path: string,
    private readonly columns: Column[],
    /** Extra key-value metadata before `ARROW:schema` (also stored inside the Arrow schema, as pyarrow does). */
    metadata: [string, string][],
  ) {
    this.writer = fileWriter(path);
    const schema: SchemaElement[] = [{ name: 'schema', repetition_type: 'REQUIRED', num_children: columns.length }];
    for (const c of columns) schema.push(...schemaElements(c.name, c.type));
    this.pq = new ParquetWriter({
      writer: this.writer,
      schema: schema as never,
      codec: 'SNAPPY',
      statistics: true,
      statisticsTruncateLength: Number.POSITIVE_INFINITY,
      kvMetadata: [...metadata.map(([key, value]) => ({ key, value })), { key: 'ARROW:schema', value: arrowSchemaMetadata(columns, metadata) }],
      createdBy: 'teleop-hub (hyparquet-writer)',
    });
  }

  /** Bytes written so far (for rolling over to a new file at a size limit). */
  get offset(): number {
    return this.writer.offset;
  }

  /** Writes one row group. */
  write(rows: Record<string, Cell[]>): void {
    const n = rows[this.columns[0]!.name]!.length;
    if (n === 0) return;
    this.pq.write({
      columnData: this.columns.map((c) => {
        const data = rows[c.name];
        if (!data || data.length !== n) throw new TypeError(`column ${c.name}: expected ${n} values, got ${data?.length ?? 0}`);
        return { name: c.name, data: data.map((v) => toWriterValue(v, c.type)) as never, encoding: 'RLE_DICTIONARY' as never, offsetIndex: false, columnIndex: false };
      }),
      rowGroupSize: n,
    });
    this.rows += n;
    this.rowGroups++;
  }

  finish(): void {
    this.pq.finish();
  }
}
