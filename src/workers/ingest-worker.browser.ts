/** Browser entry of the ingestion worker (a module Web Worker): reads added files off the main thread. */
import * as Comlink from 'comlink';
import { createIngestApi } from './ingest-api.ts';

Comlink.expose(createIngestApi());
