// A flag given once per value (`--option a --option b`, `--shape x=1,3 --shape y=2`). Commander's
// variadic form (`--option <id...>`) would also swallow the arguments after it.
export function repeatable(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
