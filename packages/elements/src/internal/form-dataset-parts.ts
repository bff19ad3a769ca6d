// What a form with a dataset loads (see form-dataset.ts), in one import, so
// that the controller and the dataset source come in one chunk, the one the
// dataset elements load too.
export { DatasetController } from '../controllers/dataset-controller.js';
export * as datasetSource from '../data/dataset-source.js';
