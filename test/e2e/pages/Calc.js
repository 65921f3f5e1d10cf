// A JS object for the ahead-of-time compile page (aot.html), written as in Appsmith.
export default {
  base: 21,
  answer() {
    return this.base * 2;
  },
};
