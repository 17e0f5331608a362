/** The README's API example: audit your own tf.Sequential factory and a tfjs initializer, write the report. */
import * as tf from '@tensorflow/tfjs';
import { initEngine, modelSource, runAudit, tfjsInitializerSource } from 'theorycheck/audit';
import { writeAuditReport } from 'theorycheck/audit-report';

const myModel = (seed: number) =>
  tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [16], units: 64, activation: 'relu', kernelInitializer: tf.initializers.heUniform({ seed }) }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tf.initializers.heUniform({ seed: seed + 1 }) }),
      tf.layers.dense({ units: 1 }),
    ],
  });

async function main(): Promise<void> {
  const engine = await initEngine();
  const report = runAudit([modelSource(myModel, 'my model'), tfjsInitializerSource('heNormal')], { engine, design: { theorems: ['fm1', 'fm2', 'born-dead'] } });
  for (const s of report.subjects) console.log(s.label, 'FM1', s.fm1?.verdict, 'gain', s.fm1?.gain.estimate.toFixed(4));
  await writeAuditReport(process.argv[2] ?? 'audit-out', report);
}

main();
