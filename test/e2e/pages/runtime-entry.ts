// aot.html without the ahead-of-time bindings: they are compiled at run time (new Function).
import './aot-app'
