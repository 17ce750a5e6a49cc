/** A backquoted MySQL identifier, embedded backquotes doubled. */
export function mysqlIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
