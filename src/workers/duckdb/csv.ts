/** The `read_csv` call of `DuckDbHost.readCsv`, and its errors as CSV_READ naming the file. */
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** The SQL that reads the slot file with the sniffer (`delimiter` `auto` or one character). */
export function readCsvSql(
  slot: string,
  fileName: string,
  options: { delimiter: string; header: boolean },
): string {
  const args = [sqlString(slot), `header=${options.header ? 'true' : 'false'}`];
  if (options.delimiter !== 'auto') {
    if ([...options.delimiter].length !== 1) {
      throw new PetroflowException(
        petroflowError(
          'BAD_PARAMS',
          `CSV delimiter "${options.delimiter}" for ${fileName}: use "auto" or a single character.`,
          { file: fileName, field: 'params.delimiter' },
        ),
      );
    }
    args.push(`delim=${sqlString(options.delimiter)}`);
  }
  return `SELECT * FROM read_csv(${args.join(', ')})`;
}

/** A reading failure as CSV_READ with the file (and line, when DuckDB names one). */
export function csvError(
  fileName: string,
  slot: string,
  detail: PetroflowError,
): PetroflowException {
  if (detail.code !== 'SQL_ERROR') return new PetroflowException(detail);
  const line = /line (\d+)/i.exec(detail.message);
  const message = detail.message.replaceAll(slot, fileName);
  return new PetroflowException(
    petroflowError('CSV_READ', `${fileName}: ${message}`, {
      file: fileName,
      ...(line?.[1] ? { line: Number(line[1]) } : {}),
    }),
  );
}
