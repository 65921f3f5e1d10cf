// A page-level JS object: its interval belongs to the Timer page and stops when it is left.
export default {
  start() {
    storeValue("ticks", 0, false);
    setInterval(() => storeValue("ticks", (appsmith.store.ticks ?? 0) + 1, false), 40, "tick");
  },
};
