declare module 'virtual:mt0-snapshot' {
  const data: unknown;
  export default data;
}
