<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>vp::CompareView</name>
    <message>
        <source>Panes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block shown in every pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal GMACs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solve every pane&apos;s main knob for the same cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GMACs (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs (%3%) · %4 ms&lt;br&gt;%5 %6% · %7/%8 patches kept at block %9</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::FigureExport</name>
    <message>
        <source>Cannot export %1: the file name has no type suffix (.png, .svg, .pdf…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1: unknown file type &quot;.%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1: the image is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1: no plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the SVG painter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1: nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the painter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::InferenceWorker</name>
    <message>
        <source>Loading model %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the model to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::KeptTokensChart</name>
    <message>
        <source>dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1: %2 kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (dense %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::KnobHistory</name>
    <message>
        <source>method %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::KnobPanel</name>
    <message>
        <source>This method has no settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. 3,6,9</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::LayerStrip</name>
    <message>
        <source>Kept patches after each block; click or use the arrow keys to pick a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No layers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1: %2 of %3 patches kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::MainWindow</name>
    <message>
        <source>Open an image: File ▸ Open image…, or drop one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show after block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which block&apos;s token fates the overlay shows (0-based, as --layer and the methods&apos; block knobs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every block: click one (or use ←/→) to show it above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy vs cost (Pareto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through the blocks one after another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare 2–4 methods side by side on this image (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--layer %1: %2 has blocks 0 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 loaded (%2 GMACs dense)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2×%3) — shown as the model sees it: %4×%4 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RGB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 GMACs, %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1 · no result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1 · %2 / %3 patches kept · %4 tokens (%5%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay of every block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the overlay of every block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Pareto plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the result&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no result to export yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 GMACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the comparison exports as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: result data exports as CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model folder (config.json + weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models in the &amp;HuggingFace cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none found in ~/.cache/huggingface/hub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;image(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no image files in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset knobs to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when the studio starts next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ViT Prune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ViT Prune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;See which patches a token-pruning method keeps, what the model then predicts and what it costs.&lt;br&gt;Drop an image or a checkpoint (.safetensors, .pth) onto the window to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid method settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::OverlayGridFigure</name>
    <message>
        <source>block %1 · %2/%3 kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::ParetoPanel</name>
    <message>
        <source>GMACs per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure every chosen method&apos;s settings on the dataset (cached points are reused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 — %n finished point(s) kept; Run resumes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %1 — %n point(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2, %3 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one method to sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n cached point(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — not swept yet; Run measures it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored unreadable cache (measured again on Run): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model and planning settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — point %2/%3, %4/%5 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::ParetoPlot</name>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, accuracy %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to load this setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::PatchOverlayView</name>
    <message>
        <source>Patch %1 (row %2, col %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged into token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fused into the background token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parked (skips blocks, comes back later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped at layer L%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped later, at layer L%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token size: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::ResultPanel</name>
    <message>
        <source>Prediction (top %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pruned&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Dense&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GMACs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2% of dense %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms per image (best of %2, %3, %4 threads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up %2× (GMACs promise %3×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ agrees with dense: %1 (%2% vs %3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ differs from dense: %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::SidePanel</name>
    <message>
        <source>Token pruning and merging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structural pruning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ random weights — stand-in until fashion-vit-tiny is installed. Predictions are meaningless; pruning and costs are real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target cost in GMACs per image: sets the method&apos;s main knob by bisection, so methods compare at equal cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the forwards run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of LibTorch has no GPU support: CPU only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This method has no main knob to trade cost with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1 GMACs (%2% of dense; reachable %3 – %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input %1×%2×%2, patch %3 (%4×%5 patches), %6 blocks, dim %7, %8 heads, %9 classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported top-1: %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::SweepSetupForm</name>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate each setting on the first N images of the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings per method, evenly spaced in GMACs between its cheapest and dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training-free methods to sweep; the dense model is always measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::SweepWorker</name>
    <message>
        <source>%1 (set aside as .corrupt; measuring %2 again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: the sweep worker must live on its own thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweep of %1 on %2: internal error: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweep of %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vp::Translations</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
