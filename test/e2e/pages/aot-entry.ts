// aot.html built the way the demo is: the page's bindings compiled ahead of time.
import 'smithlet:compiled'
import './aot-app'
