// A mapping's entry for a user's id, and only its own: an id such as `toString` or
// `constructor` must never find a built-in property. Validated scenarios' mappings have no
// prototype, but one copied to a worker (structured clone) has Object's again, so every
// lookup by id goes through here.

/** `record[key]` when the record itself holds the key, else undefined. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
