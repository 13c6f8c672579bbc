import {
  ColumnDefinitionNode,
  type CreateTableNode,
  DataTypeNode,
  GeneratedNode,
  Kysely,
  OperationNodeTransformer,
  PostgresDialect,
  RawNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import type { PlatformDatabase } from './database.js';
import { preparingPool } from './prepared-statements.js';
import type { Database } from './schema.js';

/**
 * PostgreSQL hands 64-bit integers and numerics back as strings, lest a value beyond 2^53 lose digits. Ours are
 * counts, sums of fen and millisecond timestamps, all far below that, and the code reads them as numbers (as it does
 * from SQLite): parse them.
 */
const NUMERIC_OIDS = new Set([20 /* int8 */, 1700 /* numeric */]);
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (NUMERIC_OIDS.has(oid)) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

function positiveIntegerFrom(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * Opens a pool on `url`. A statement that waits for a lock longer than `SMEC_DB_LOCK_TIMEOUT_MS` (default 5 s) fails,
 * and the server answers 503 with Retry-After: a request never hangs behind a stuck transaction.
 */
export function openPostgres(url: string, env: NodeJS.ProcessEnv = process.env): PlatformDatabase {
  const lockTimeout = positiveIntegerFrom(env['SMEC_DB_LOCK_TIMEOUT_MS'], 5000);
  const statementTimeout = positiveIntegerFrom(env['SMEC_DB_STATEMENT_TIMEOUT_MS'], 30_000);
  const pool = new pg.Pool({
    connectionString: url,
    max: positiveIntegerFrom(env['SMEC_DB_POOL_SIZE'], 10),
    application_name: 'smec',
    types: typeParsers,
    options: `-c lock_timeout=${lockTimeout} -c statement_timeout=${statementTimeout} -c idle_in_transaction_session_timeout=60000`,
  });
  // An idle connection dropped by the server (a restart, a failover) is only logged: the pool opens a new one.
  pool.on('error', (error) => process.stderr.write(`smec: idle database connection lost: ${error.message}\n`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  let closed = false;
  return {
    db,
    dialect: 'postgres',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/**
 * The migrations are written once, in the types SQLite knows. On PostgreSQL: `integer` becomes `bigint` (SQLite's
 * integers are 64-bit, and timestamps in milliseconds need it), `real` becomes `double precision`, `blob` `bytea`, an
 * auto-incremented key an identity column, and SQLite's `without rowid` goes.
 */
class PostgresSchemaTransformer extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    if (node.dataType === 'integer') return DataTypeNode.create('bigint');
    if (node.dataType === 'real') return DataTypeNode.create('double precision');
    if (node.dataType === 'blob') return DataTypeNode.create('bytea');
    return node;
  }

  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const transformed = super.transformColumnDefinition(node);
    if (!transformed.autoIncrement) return transformed;
    return ColumnDefinitionNode.cloneWith(transformed, {
      autoIncrement: false,
      generated: GeneratedNode.create({ byDefault: true, identity: true }),
    });
  }

  protected override transformCreateTable(node: CreateTableNode): CreateTableNode {
    const transformed = super.transformCreateTable(node);
    const endModifiers = transformed.endModifiers?.filter(
      (modifier) => !(RawNode.is(modifier) && /without\s+rowid/i.test(modifier.sqlFragments.join(''))),
    );
    return { ...transformed, endModifiers };
  }
}

/** Applies {@link PostgresSchemaTransformer} to the migrations' statements. */
export class PostgresSchemaPlugin implements KyselyPlugin {
  readonly #transformer = new PostgresSchemaTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
