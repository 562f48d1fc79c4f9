// Wraps a Prisma driver adapter factory so every statement it sends is counted against the
// request that caused it (server/http/request-context.ts). Background work counts nowhere.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";
import { noteDbQuery } from "./http/request-context";

function countQueryable<T extends SqlQueryable>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = (query) => (noteDbQuery(), queryRaw(query));
  target.executeRaw = (query) => (noteDbQuery(), executeRaw(query));
  return target;
}

export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = countQueryable(await connect());
    const executeScript = adapter.executeScript.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.executeScript = (script) => (noteDbQuery(), executeScript(script));
    adapter.startTransaction = async (isolationLevel) => countQueryable<Transaction>(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}
