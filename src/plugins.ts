import type { Sql } from './db/sql';
import type { FormatRegistry } from './domain/schema';
import type { StandardParameterRegistry } from './domain/standard-parameters';
import type { Logger } from './lib/log';
import type { Transcriber } from './media/transcriber';
import type { AppContext } from './services/app-context';
import type { CustomPopRegistry } from './services/custom-pops';
import { readQuery } from './services/transaction';

/** What a plugin may extend (docs/extending.md). */
export interface PluginContext {
  /** Register resource formats (realization) and extractors (trigger-time `extract`). */
  formats: FormatRegistry;
  /** Register standard-parameter groups (`standard[group][...]`). */
  standardParameters: StandardParameterRegistry;
  /** Register custom pop endpoints (`/api/1/users/me/screens/{name}`, queue-engine.md §7.6). */
  customPops: CustomPopRegistry;
  /** Register the server's speech-to-text (at most one; screens-and-media.md §3.5.5). */
  transcriber: { register(transcriber: Transcriber): void };
  /** Parameterised SQL (`?` placeholders) on the application database, for lookups. */
  query: Sql;
  log: Logger;
}

export interface ClientFlowsPlugin {
  name: string;
  setup(context: PluginContext): void | Promise<void>;
}

export class PluginError extends Error {}

export type { Transcriber, TranscriptionRequest, Transcription, TranscriptPhrase } from './media/transcriber';

function asPlugin(value: unknown): ClientFlowsPlugin | null {
  const candidate = value as Partial<ClientFlowsPlugin> | null | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.name === 'string' && typeof candidate.setup === 'function'
    ? (candidate as ClientFlowsPlugin)
    : null;
}

/** Loads each module (CommonJS or ES module) and takes its default export (or `plugin`). */
export async function loadPlugins(paths: readonly string[]): Promise<ClientFlowsPlugin[]> {
  const plugins: ClientFlowsPlugin[] = [];
  for (const file of paths) {
    let loaded: { default?: unknown; plugin?: unknown };
    try {
      loaded = require(file) as typeof loaded;
    } catch (error) {
      throw new PluginError(`plugin ${file} could not be loaded: ${(error as Error).message}`);
    }
    const plugin = asPlugin(loaded.plugin) ?? asPlugin(loaded.default) ?? asPlugin(loaded);
    if (plugin === null) throw new PluginError(`plugin ${file} must export {name, setup(context)} as default or as "plugin"`);
    plugins.push(plugin);
  }
  return plugins;
}

/** Runs every plugin's setup against the app's registries, in order. */
export async function applyPlugins(app: AppContext, plugins: readonly ClientFlowsPlugin[]): Promise<void> {
  for (const plugin of plugins) {
    await plugin.setup({
      formats: app.registry,
      standardParameters: app.standard,
      customPops: app.customPops,
      transcriber: {
        register: (transcriber) => {
          try {
            app.transcribers.register(transcriber, `plugin ${plugin.name}`);
          } catch (error) {
            throw new PluginError((error as Error).message);
          }
        },
      },
      query: readQuery(app.db),
      log: app.log.child({ plugin: plugin.name }),
    });
    app.log.info({ plugin: plugin.name }, 'plugin loaded');
  }
}
