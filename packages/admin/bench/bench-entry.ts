// The benchmark's page: the admin page's views, registered, as the build bundles them.
import '../src/define.js';
