/** A configuration problem the user must fix; its message is one readable line naming the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
