import { useRef, useState, type DragEvent } from 'react';
import { startImport, type FinishedImport, type RunningImport } from '../../data/importClient';
import { describeProblem } from '../../data/importProblem';
import { useAppStore } from '../../store/store';
import { downloadBlob } from '../../ui/export/chartExport';

const SHOWN_PROBLEMS = 20;

/** Import a JSON or CSV dataset: parsed off the main thread, problems named, nothing replaced until the user chooses. */
export function ImportPanel() {
  const addUserDataset = useAppStore((s) => s.addUserDataset);
  const removeUserDataset = useAppStore((s) => s.removeUserDataset);
  const userDatasets = useAppStore((s) => s.userDatasets);
  const [running, setRunning] = useState<RunningImport>();
  const [progress, setProgress] = useState(0);
  const [fileName, setFileName] = useState('');
  const [finished, setFinished] = useState<FinishedImport>();
  const result = finished?.summary;
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const jobCounter = useRef(0);

  const begin = (file: File) => {
    running?.cancel();
    finished?.release();
    setFinished(undefined);
    setStatus('');
    setFileName(file.name);
    setProgress(0);
    const jobId = ++jobCounter.current;
    const job = startImport(file, (f) => {
      if (jobId === jobCounter.current) setProgress(f);
    });
    setRunning(job);
    void job.result.then((r) => {
      // a cancelled or superseded import must not touch the newer one's progress or result
      if (jobId !== jobCounter.current) return;
      setRunning(undefined);
      if (r) setFinished(r);
    });
  };
  const keep = async (merge: boolean) => {
    if (!finished) return;
    const models = await finished.take();
    await addUserDataset(fileName, models, merge);
    setStatus(
      `Imported ${models.length} model${models.length === 1 ? '' : 's'} from ${fileName}${merge ? ', merged with the curated dataset' : ' as its own dataset'}.`,
    );
    setFinished(undefined);
    if (inputRef.current) inputRef.current.value = '';
  };
  const problemsText = (r: NonNullable<typeof result>) => r.problems.map(describeProblem).join('\n');
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) begin(file);
  };

  return (
    <section className="panel import" aria-labelledby="import-title">
      <h2 id="import-title">Your data</h2>
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <label htmlFor="import-file">Import a dataset (JSON or CSV)</label>
        <input
          id="import-file"
          ref={inputRef}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) begin(f);
          }}
        />
        <p className="slider__note">
          Or drop a file here. The app’s own CSV/JSON exports and Epoch AI’s CSV are understood.
        </p>
      </div>
      {running && (
        <div className="import__progress">
          <progress max={1} value={progress} aria-label={`Importing ${fileName}`} /> {Math.round(progress * 100)}%{' '}
          <button
            type="button"
            onClick={() => {
              jobCounter.current += 1;
              running.cancel();
              setRunning(undefined);
              setStatus(`Import of ${fileName} cancelled.`);
            }}
          >
            Cancel import
          </button>
        </div>
      )}
      {result && (
        <div
          className="import__result"
          data-timings={result.timings ? `${result.timings.parseMs},${result.timings.validateMs}` : undefined}
        >
          <p>
            {fileName}: {result.totalRows} row{result.totalRows === 1 ? '' : 's'} read,{' '}
            <strong>{result.validCount} valid</strong>
            {result.problems.length > 0
              ? `, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`
              : ''}
            .
          </p>
          {result.problems.length > 0 && (
            <div role="alert" className="import__problems">
              <p>
                {result.validCount === 0
                  ? 'Nothing was imported; the data on screen is unchanged.'
                  : 'The data on screen is unchanged until you choose below.'}
              </p>
              <ul>
                {result.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <li key={i}>{describeProblem(p)}</li>
                ))}
              </ul>
              {result.problems.length > SHOWN_PROBLEMS && <p>…and {result.problems.length - SHOWN_PROBLEMS} more.</p>}
              <button
                type="button"
                onClick={() =>
                  downloadBlob(new Blob([problemsText(result)], { type: 'text/plain' }), `${fileName}-problems.txt`)
                }
              >
                Download the list of problems
              </button>
            </div>
          )}
          {result.validCount > 0 && (
            <div className="import__actions">
              <button type="button" onClick={() => void keep(false)}>
                {result.problems.length > 0 ? 'Keep the valid rows as their own dataset' : 'Keep as its own dataset'}
              </button>
              <button type="button" onClick={() => void keep(true)}>
                {result.problems.length > 0
                  ? 'Merge the valid rows with the curated data'
                  : 'Merge with the curated data'}
              </button>
              <button
                type="button"
                onClick={() => {
                  finished?.release();
                  setFinished(undefined);
                }}
              >
                Discard
              </button>
            </div>
          )}
        </div>
      )}
      <p role="status" className="muted">
        {status}
      </p>
      {userDatasets.length > 0 && (
        <ul className="user-datasets">
          {userDatasets.map((d) => (
            <li key={d.id}>
              {d.name} · {d.models.length} models{d.mergeWithCurated ? ' (merged)' : ''}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void removeUserDataset(d.id)}
                aria-label={`Delete imported dataset ${d.name}`}
              >
                delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
