/* webpack loads .css files as their text (asset/source). */
declare module "*.css" {
  const text: string;
  export default text;
}
