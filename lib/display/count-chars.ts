/** Characters as people see them (code points), the way the model's limit counts them. */
export function countChars(text: string): number {
  return [...text].length;
}
