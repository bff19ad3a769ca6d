// What a form with a dataset loads (see form-dataset.ts), in one import: the
// dataset controller with the fetch client it starts the request with. The
// checks (the validators) it imports itself, beside that request, as in the
// elements that show a dataset.
export { DatasetController } from '../controllers/dataset-controller.js';
