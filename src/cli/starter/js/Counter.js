// An app-level JS object (js/<Name>.js: the file name is its name), shared by every page.
export default {
  count: 0,

  increment() {
    this.count++;
    return this.count;
  },
};
