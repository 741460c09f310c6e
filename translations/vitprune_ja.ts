<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>QObject</name>
    <message>
        <source>defaults</source>
        <translation>既定値</translation>
    </message>
</context>
<context>
    <name>vp</name>
    <message>
        <source>kept</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>マージ</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>待機</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>再利用</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 トークン</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
</context>
<context>
    <name>vp::AttentionView</name>
    <message>
        <source>CLS attention</source>
        <translation>CLS アテンション</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>ロールアウト</translation>
    </message>
    <message>
        <source>CLS attention: the CLS query&apos;s attention inside the chosen block, on the token each patch lives in.
Rollout (Abnar &amp; Zuidema 2020): the attention of every block up to the chosen one, heads fused, identity added, rows renormalised and multiplied through the blocks; the CLS row read on the original patches.</source>
        <translation>CLS アテンション: 選択したブロック内での CLS クエリのアテンションを、各パッチが属するトークン上に表示します。
ロールアウト (Abnar &amp; Zuidema 2020): 選択したブロックまでの全ブロックのアテンションを、ヘッドを融合し、恒等行列を加え、行を再正規化してブロック間で掛け合わせたもの。CLS 行を元のパッチ上で読み取ります。</translation>
    </message>
    <message>
        <source>0-based block, as --layer and the methods&apos; block knobs</source>
        <translation>ブロック (--layer や各手法のブロック指定と同じく 0 始まり)</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>ヘッド:</translation>
    </message>
    <message>
        <source>Heads fused by:</source>
        <translation>ヘッドの融合方法:</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>How the rollout combines a block&apos;s heads before adding the identity</source>
        <translation>ロールアウトで恒等行列を加える前にブロックのヘッドをどう融合するか</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>ブロック:</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>密モデル</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>ヘッドの平均</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>ヘッド %1</translation>
    </message>
    <message>
        <source>Open an image to see where the CLS token attends, for the dense model and the method.</source>
        <translation>画像を開くと、密モデルと手法それぞれで CLS トークンがどこに注目しているかを表示します。</translation>
    </message>
    <message>
        <source>Attention rollout through blocks 0–%1, heads fused by their %2: how much of the CLS token traces back to each original patch (identity added for the residual, rows renormalised). Hatched over a colour: the patch is no longer in the method&apos;s tokens at block %1; dashed outline: in the fused token.</source>
        <translation>ブロック 0–%1 のアテンション・ロールアウト (ヘッドは%2で融合): CLS トークンのうちどれだけが各元パッチに由来するか (残差接続のため恒等行列を加え、行を再正規化)。色の上のハッチング: ブロック %1 ではそのパッチは手法のトークンに含まれていません。破線の輪郭: 融合トークン内。</translation>
    </message>
    <message>
        <source>the mean of the heads</source>
        <translation>ヘッドの平均</translation>
    </message>
    <message>
        <source>CLS attention in block %1, %2, over the tokens that entered the block: each patch shows the attention its token gets (patches of a merged or fused token share it; dashed outline: the fused token). Dark and hatched: the patch is in no token there (dropped or parked).</source>
        <translation>ブロック %1 での CLS アテンション (%2)、ブロックに入ったトークンについて: 各パッチは所属トークンが受けるアテンションを示します (マージまたは融合されたトークンのパッチは同じ値を共有。破線の輪郭: 融合トークン)。暗くハッチング: そのパッチはそこでどのトークンにも含まれません (破棄または待機)。</translation>
    </message>
    <message>
        <source>%1 · patch %2 (row %3, col %4), block %5</source>
        <translation>%1 · パッチ %2 (行 %3、列 %4)、ブロック %5</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>値: %1</translation>
    </message>
    <message>
        <source>Dropped: in no token at this block</source>
        <translation>破棄: このブロックではどのトークンにも含まれません</translation>
    </message>
    <message>
        <source>Parked: set aside, not in this block&apos;s tokens</source>
        <translation>待機: 退避中で、このブロックのトークンには含まれません</translation>
    </message>
    <message>
        <source>Token %1, shared by %2 patches</source>
        <translation>トークン %1、%2 パッチで共有</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>トークン %1</translation>
    </message>
    <message>
        <source> (fused token)</source>
        <translation> (融合トークン)</translation>
    </message>
</context>
<context>
    <name>vp::CompareView</name>
    <message>
        <source>Panes:</source>
        <translation>ペイン数：</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>ブロック：</translation>
    </message>
    <message>
        <source>The block shown in every pane</source>
        <translation>すべてのペインに表示するブロック</translation>
    </message>
    <message>
        <source>Solve every pane&apos;s main knob for the same cost</source>
        <translation>各ペインの主パラメータを同じコストになるよう求める</translation>
    </message>
    <message>
        <source>%1 GMACs (%2%)</source>
        <translation>%1 GMACs (%2%)</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>同一</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>レイテンシ</translation>
    </message>
    <message>
        <source>GMACs: the papers&apos; cost. Latency: measured on this machine at batch 1 (bisection on measured time; the first solve of a method times a dozen settings)</source>
        <translation>GMACs: 論文で用いられるコスト。レイテンシ: このマシンでバッチサイズ 1 で実測 (実測時間に対する二分法。手法を初めて求解するときは十数個の設定を計測します)</translation>
    </message>
    <message>
        <source>%1% of dense latency</source>
        <translation>密モデルのレイテンシの %1%</translation>
    </message>
    <message>
        <source> (timed %1 ms for %2)</source>
        <translation> (実測 %1 ms、目標 %2 ms)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;lock asked %1%: the nearest setting this method has&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;ロックの指定は %1%: この手法で最も近い設定です&lt;/i&gt;</translation>
    </message>
    <message>
        <source>timing…</source>
        <translation>計測中…</translation>
    </message>
    <message>
        <source>%1 ms, ≈%2× dense (noisy)</source>
        <translation>%1 ms、密モデル比 ≈%2× (ノイズ大)</translation>
    </message>
    <message>
        <source>%1 ms, %2× dense</source>
        <translation>%1 ms、密モデル比 %2×</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs (%3%) · %4%9&lt;br&gt;%5 %6% · block %7: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs (%3%) · %4%9&lt;br&gt;%5 %6% · ブロック %7: %8</translation>
    </message>
</context>
<context>
    <name>vp::CompatibilityDialog</name>
    <message>
        <source>Applies</source>
        <translation>適用可</translation>
    </message>
    <message>
        <source>Needs training</source>
        <translation>要学習</translation>
    </message>
    <message>
        <source>Cannot apply</source>
        <translation>適用不可</translation>
    </message>
    <message>
        <source>Compatibility report — %1</source>
        <translation>互換性レポート — %1</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル：</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>ファミリー：</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>入力：</translation>
    </message>
    <message>
        <source>%1 channel(s), %2×%3 pixels</source>
        <translation>%1 チャンネル、%2×%3 ピクセル</translation>
    </message>
    <message>
        <source>Patches:</source>
        <translation>パッチ：</translation>
    </message>
    <message>
        <source>patch %1, grid %2×%3 (%4 patches)</source>
        <translation>パッチ %1、グリッド %2×%3 (%4 パッチ)</translation>
    </message>
    <message>
        <source>Transformer:</source>
        <translation>Transformer 構成：</translation>
    </message>
    <message>
        <source>%1 blocks, %2 heads × head dim %3 = embed dim %4</source>
        <translation>%1 ブロック、%2 ヘッド × ヘッド次元 %3 = 埋め込み次元 %4</translation>
    </message>
    <message>
        <source>Prefix tokens:</source>
        <translation>プレフィックストークン：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pooling:</source>
        <translation>プーリング：</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注: %1</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>テキストとしてコピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>vp::CostHistogram</name>
    <message>
        <source>images</source>
        <translation>画像数</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>画像あたりの GMACs</translation>
    </message>
    <message>
        <source>%1 images: %2 ± %3 GMACs (mean ± std)</source>
        <translation>%1 枚の画像: %2 ± %3 GMACs (平均 ± 標準偏差)</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>dense %1</source>
        <translation>密モデル %1</translation>
    </message>
    <message>
        <source>%1 GMACs: %2 images</source>
        <translation>%1 GMACs: %2 枚</translation>
    </message>
</context>
<context>
    <name>vp::EfficiencyDialog</name>
    <message>
        <source>Efficiency: GMACs saved vs time saved — %1</source>
        <translation>効率: GMACs の削減と時間の削減 — %1</translation>
    </message>
    <message>
        <source>Batch sizes, comma-separated (1 to 4096)</source>
        <translation>バッチサイズ (カンマ区切り、1～4096)</translation>
    </message>
    <message>
        <source>Each method is set to these fractions of the dense GMACs, so methods compare at equal cost</source>
        <translation>各手法を密モデルの GMACs に対するこれらの割合に設定し、手法を同じコストで比較できるようにします</translation>
    </message>
    <message>
        <source>Interleaved dense/pruned pairs per setting at batch 1 (a third of them, at least 3, at larger batches)</source>
        <translation>バッチサイズ 1 での設定ごとの密モデル/枝刈り後の交互実行ペア数 (より大きなバッチではその 3 分の 1、最低 3)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>測定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open table…</source>
        <translation>表を開く…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Measures on this machine: dense and pruned forwards interleaved, median of the per-pair ratios, p10–p90 as error bars. Efficiency 1 = the GMACs saving becomes time saved in full.</source>
        <translation>このマシンで測定します: 密モデルと枝刈り後の順伝播を交互に実行し、ペアごとの比の中央値を求め、p10–p90 をエラーバーとします。効率 1 = GMACs の削減がそのまま時間の削減になることを表します。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>GMACs speed-up</source>
        <translation>GMACs での高速化</translation>
    </message>
    <message>
        <source>measured speed-up (p10–p90)</source>
        <translation>実測の高速化 (p10–p90)</translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation>効率</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Batch sizes</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>GMACs budgets (× dense)</source>
        <translation>GMACs 予算 (× 密モデル)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>スレッド数</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>ペア数</translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>%2 件中 %1 件完了 — %3</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>測定に失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) measured.</source>
        <translation>
            <numerusform>%n 個の設定を測定しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an efficiency table (vitprune bench --out)</source>
        <translation>効率表を開く (vitprune bench --out)</translation>
    </message>
    <message>
        <source>Efficiency table (*.json)</source>
        <translation>効率表 (*.json)</translation>
    </message>
    <message>
        <source>Export the efficiency view</source>
        <translation>効率ビューをエクスポート</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Choose at least one method, and give batch sizes and budgets as comma-separated numbers.</source>
        <translation>手法を 1 つ以上選択し、バッチサイズと予算をカンマ区切りの数値で指定してください。</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: 読み取れません (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n setting(s).</source>
        <translation>
            <numerusform>%1: %n 個の設定。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: export as PNG, SVG, PDF, JSON, CSV or Markdown (.md)</source>
        <translation>%1: PNG、SVG、PDF、JSON、CSV、Markdown (.md) 形式でエクスポートできます</translation>
    </message>
</context>
<context>
    <name>vp::EfficiencyPlot</name>
    <message>
        <source>GMACs speed-up (dense GMACs / pruned GMACs)</source>
        <translation>GMACs での高速化 (密モデルの GMACs / 枝刈り後の GMACs)</translation>
    </message>
    <message>
        <source>efficiency (measured speed-up / GMACs speed-up)</source>
        <translation>効率 (実測の高速化 / GMACs での高速化)</translation>
    </message>
    <message>
        <source>%1 · batch %2</source>
        <translation>%1 · バッチ %2</translation>
    </message>
    <message>
        <source>ideal: time falls as GMACs do</source>
        <translation>理想: 時間が GMACs と同じ割合で減る</translation>
    </message>
    <message>
        <source>goal %1</source>
        <translation>目標 %1</translation>
    </message>
</context>
<context>
    <name>vp::FigureExport</name>
    <message>
        <source>Cannot export %1: the file name has no type suffix (.png, .svg, .pdf…)</source>
        <translation>%1 をエクスポートできません: ファイル名に形式を示す拡張子がありません (.png, .svg, .pdf…)</translation>
    </message>
    <message>
        <source>Cannot export %1: unknown file type &quot;.%2&quot;</source>
        <translation>%1 をエクスポートできません: 不明なファイル形式「.%2」</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>レンダリングに失敗しました</translation>
    </message>
    <message>
        <source>Cannot export %1: the image is empty</source>
        <translation>%1 をエクスポートできません: 画像が空です</translation>
    </message>
    <message>
        <source>Cannot export %1: no plot</source>
        <translation>%1 をエクスポートできません: プロットがありません</translation>
    </message>
    <message>
        <source>cannot start the SVG painter</source>
        <translation>SVG の描画を開始できません</translation>
    </message>
    <message>
        <source>Cannot export %1: nothing to export</source>
        <translation>%1 をエクスポートできません: エクスポートする内容がありません</translation>
    </message>
    <message>
        <source>cannot start the painter</source>
        <translation>描画を開始できません</translation>
    </message>
</context>
<context>
    <name>vp::HeadGrid</name>
    <message>
        <source>Block %1: cut (the model now ends before it)</source>
        <translation>ブロック %1: 切り捨て (モデルはこのブロックの前で終わります)</translation>
    </message>
    <message>
        <source>MLP %1 of %2 neurons</source>
        <translation>MLP ニューロン %1 / %2</translation>
    </message>
    <message>
        <source>Block %1: attention removed (x ← 2x; the MLP still runs) · %2</source>
        <translation>ブロック %1: アテンション削除 (x ← 2x、MLP は引き続き実行) · %2</translation>
    </message>
    <message>
        <source>Block %1: %2 of %3 heads kept · q/k %4 of %5 dims per head · v %6 of %7 · %8</source>
        <translation>ブロック %1: ヘッド %2 / %3 を保持 · ヘッドあたり q/k 次元 %4 / %5 · v %6 / %7 · %8</translation>
    </message>
    <message>
        <source> · 1 head mixes its map from the others</source>
        <translation> · 1 つのヘッドはマップを他のヘッドから合成</translation>
    </message>
    <message>
        <source> · %1 heads mix their maps from the others</source>
        <translation> · %1 個のヘッドはマップを他のヘッドから合成</translation>
    </message>
    <message>
        <source>Counts, not original positions: the kept heads are drawn first.</source>
        <translation>元の位置ではなく個数です: 保持したヘッドを先頭に描画しています。</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>切り捨て</translation>
    </message>
    <message>
        <source>attention removed</source>
        <translation>アテンション削除</translation>
    </message>
    <message>
        <source>no attn</source>
        <translation>Attnなし</translation>
    </message>
    <message>
        <source>Block %1: attention replaced by a %2×%2 convolution to %3 channels (SPViT) · %4</source>
        <translation>ブロック %1：アテンションを %3 チャネルへの %2×%2 畳み込みに置換 (SPViT) · %4</translation>
    </message>
    <message>
        <source>Block %1: attention skipped (x ← x; the MLP still runs) · %2</source>
        <translation>ブロック %1：アテンションをスキップ (x ← x；MLP は実行) · %2</translation>
    </message>
    <message>
        <source>%1×%1 convolution</source>
        <translation>%1×%1 畳み込み</translation>
    </message>
    <message>
        <source>attention skipped</source>
        <translation>アテンションをスキップ</translation>
    </message>
    <message>
        <source>conv%1</source>
        <translation>畳込%1</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>スキップ</translation>
    </message>
</context>
<context>
    <name>vp::InferenceWorker</name>
    <message>
        <source>Loading model %1…</source>
        <translation>モデル %1 を読み込み中…</translation>
    </message>
    <message>
        <source>Moving the model to %1…</source>
        <translation>モデルを %1 に移動中…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>キャリブレーション画像を %1 枚読み込み中 (Fashion-MNIST 学習セット)…</translation>
    </message>
    <message>
        <source>the forward recorded no blocks</source>
        <translation>順伝播でブロックが 1 つも記録されませんでした</translation>
    </message>
</context>
<context>
    <name>vp::KeptTokensChart</name>
    <message>
        <source>dense</source>
        <translation>密モデル</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>枝刈り後</translation>
    </message>
    <message>
        <source>kept tokens</source>
        <translation>保持されたトークン</translation>
    </message>
    <message>
        <source> (dense %1)</source>
        <translation> (密モデル %1)</translation>
    </message>
    <message>
        <source>block</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Block %1: %2 kept</source>
        <translation>ブロック %1: %2 個を保持</translation>
    </message>
    <message>
        <source>Block %1: %2 (drag to change)</source>
        <translation>ブロック %1: %2（ドラッグで変更）</translation>
    </message>
</context>
<context>
    <name>vp::KnobHistory</name>
    <message>
        <source>method %1</source>
        <translation>手法 %1</translation>
    </message>
</context>
<context>
    <name>vp::KnobPanel</name>
    <message>
        <source>This method has no settings.</source>
        <translation>この手法には設定がありません。</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 3,6,9</source>
        <translation>カンマ区切り (例: 3,6,9)</translation>
    </message>
    <message>
        <source>Main knob: the budget slider and the Pareto sweep move it.</source>
        <translation>主パラメータ: 予算スライダーとパレートスイープで変更されます。</translation>
    </message>
    <message>
        <source>one value per block; empty: not used</source>
        <translation>ブロックごとに1つの値。空なら使用しない</translation>
    </message>
</context>
<context>
    <name>vp::LayerStrip</name>
    <message>
        <source>Kept patches after each block; click or use the arrow keys to pick a layer</source>
        <translation>各ブロック通過後に保持されたパッチ。クリックまたは矢印キーで層を選択します</translation>
    </message>
    <message>
        <source>No layers yet</source>
        <translation>まだ層がありません</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Block %1: %2</source>
        <translation>ブロック %1: %2</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source> · %1 in the MLP</source>
        <translation> · MLP 内 %1</translation>
    </message>
    <message>
        <source>Attention removed: the block computes x ← 2x, then its MLP</source>
        <translation>アテンション削除: ブロックは x ← 2x を計算し、続いて MLP を実行</translation>
    </message>
    <message>
        <source>Right-click to keep its attention</source>
        <translation>右クリックでアテンションを残す</translation>
    </message>
    <message>
        <source>Right-click to remove its attention</source>
        <translation>右クリックでアテンションを削除</translation>
    </message>
    <message>
        <source>Keep attention of block %1</source>
        <translation>ブロック %1 のアテンションを残す</translation>
    </message>
    <message>
        <source>Remove attention of block %1</source>
        <translation>ブロック %1 のアテンションを削除</translation>
    </message>
    <message>
        <source>no attn</source>
        <translation>Attnなし</translation>
    </message>
</context>
<context>
    <name>vp::MainWindow</name>
    <message>
        <source>Accuracy vs cost (Pareto)</source>
        <translation>精度とコスト (パレート)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Compare 2–4 methods side by side on this image (Ctrl+K)</source>
        <translation>この画像で 2～4 個の手法を並べて比較します (Ctrl+K)</translation>
    </message>
    <message>
        <source>◀ Image</source>
        <translation>◀ 画像</translation>
    </message>
    <message>
        <source>Image ▶</source>
        <translation>画像 ▶</translation>
    </message>
    <message>
        <source>--layer %1: %2 has blocks 0 to %3</source>
        <translation>--layer %1: %2 のブロックは 0～%3 です</translation>
    </message>
    <message>
        <source>Layer out of range</source>
        <translation>層が範囲外です</translation>
    </message>
    <message>
        <source>Model %1 loaded (%2 GMACs dense)</source>
        <translation>モデル %1 を読み込みました (密モデル %2 GMACs)</translation>
    </message>
    <message>
        <source>%1: %2 GMACs, %3 ms</source>
        <translation>%1: %2 GMACs、%3 ms</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Overlay of every block…</source>
        <translation>全ブロックのオーバーレイ…</translation>
    </message>
    <message>
        <source>Export the overlay of every block</source>
        <translation>全ブロックのオーバーレイをエクスポート</translation>
    </message>
    <message>
        <source>Comparison…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>比較をエクスポート</translation>
    </message>
    <message>
        <source>Pareto plot…</source>
        <translation>パレート図…</translation>
    </message>
    <message>
        <source>Export the Pareto plot</source>
        <translation>パレート図をエクスポート</translation>
    </message>
    <message>
        <source>Result data…</source>
        <translation>結果データ…</translation>
    </message>
    <message>
        <source>Export the result&apos;s data</source>
        <translation>結果データをエクスポート</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>%1: there is no result to export yet</source>
        <translation>%1: エクスポートできる結果がまだありません</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 GMACs</source>
        <translation>%1 · %2 · %3 GMACs</translation>
    </message>
    <message>
        <source>%1: the comparison exports as PNG, SVG or PDF</source>
        <translation>%1: 比較は PNG、SVG、PDF 形式でエクスポートできます</translation>
    </message>
    <message>
        <source>%1: result data exports as CSV or JSON</source>
        <translation>%1: 結果データは CSV または JSON 形式でエクスポートできます</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>モデルを開く(&amp;M)…</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>チェックポイント (*.safetensors *.pth *.pt *.bin);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open model &amp;folder…</source>
        <translation>モデルフォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Open model folder (config.json + weights)</source>
        <translation>モデルフォルダーを開く (config.json + 重み)</translation>
    </message>
    <message>
        <source>&amp;Default model (%1)</source>
        <translation>既定のモデル (%1)(&amp;D)</translation>
    </message>
    <message>
        <source>Models in the &amp;HuggingFace cache</source>
        <translation>HuggingFace キャッシュ内のモデル(&amp;H)</translation>
    </message>
    <message>
        <source>(none found in ~/.cache/huggingface/hub)</source>
        <translation>(~/.cache/huggingface/hub に見つかりません)</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>最近使ったモデル</translation>
    </message>
    <message>
        <source>Open &amp;image(s)…</source>
        <translation>画像を開く(&amp;I)…</translation>
    </message>
    <message>
        <source>Open image(s)</source>
        <translation>画像を開く</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;All files (*)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open image f&amp;older…</source>
        <translation>画像フォルダーを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>画像フォルダーを開く</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>画像がありません</translation>
    </message>
    <message>
        <source>%1: no image files in this folder</source>
        <translation>%1: このフォルダーには画像ファイルがありません</translation>
    </message>
    <message>
        <source>Recent images</source>
        <translation>最近使った画像</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Reset knobs to defaults</source>
        <translation>パラメータを既定値に戻す</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language applies when the studio starts next.</source>
        <translation>新しい言語は次回の起動時に適用されます。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ViT Prune Studio</source>
        <translation>ViT Prune Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>About ViT Prune Studio</source>
        <translation>ViT Prune Studio について</translation>
    </message>
    <message>
        <source>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;See which patches a token-pruning method keeps, what the model then predicts and what it costs.&lt;br&gt;Drop an image or a checkpoint (.safetensors, .pth) onto the window to open it.</source>
        <translation>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;トークン枝刈り手法がどのパッチを残すか、その後モデルが何を予測するか、そしてそのコストを確認できます。&lt;br&gt;画像またはチェックポイント (.safetensors, .pth) をウィンドウにドロップすると開きます。</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(まだありません)</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>モデルを開けません</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>画像を開けません</translation>
    </message>
    <message>
        <source>Invalid method settings</source>
        <translation>手法の設定が無効です</translation>
    </message>
    <message>
        <source>Inference failed</source>
        <translation>推論に失敗しました</translation>
    </message>
    <message>
        <source>Model &amp;compatibility report…</source>
        <translation>モデルの互換性レポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Cannot open sweep results</source>
        <translation>スイープ結果を開けません</translation>
    </message>
    <message>
        <source>Open sweep results…</source>
        <translation>スイープ結果を開く…</translation>
    </message>
    <message>
        <source>Open sweep results (vitprune sweep / merge)</source>
        <translation>スイープ結果を開く (vitprune sweep / merge)</translation>
    </message>
    <message>
        <source>Sweep results (*.json)</source>
        <translation>スイープ結果 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Efficiency: GMACs saved vs time saved…</source>
        <translation>効率: GMACs の削減と時間の削減(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Time breakdown of this setting…</source>
        <translation>この設定の時間内訳(&amp;T)…</translation>
    </message>
    <message>
        <source>Pareto plot against measured &amp;latency</source>
        <translation>実測レイテンシに対するパレート図(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Per-image cost…</source>
        <translation>画像ごとのコスト(&amp;P)…</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>--analysis %1: nothing to show</source>
        <translation>--analysis %1: 表示する内容がありません</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>先にモデルを開いてください</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>効率</translation>
    </message>
    <message>
        <source>No result yet: the breakdown times the current setting</source>
        <translation>結果がまだありません: 内訳は現在の設定を計測します</translation>
    </message>
    <message>
        <source>Per-image cost</source>
        <translation>画像ごとのコスト</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Frame %1 · %2: %3 GMACs (dense %4), %5 ms</source>
        <translation>フレーム %1 · %2: %3 GMACs (密モデル %4)、%5 ms</translation>
    </message>
    <message>
        <source>Video %1: %2×%3, %4 fps, %5 frames</source>
        <translation>動画 %1: %2×%3、%4 fps、フレーム数 %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Open &amp;video…</source>
        <translation>動画を開く(&amp;V)…</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>動画を開く</translation>
    </message>
    <message>
        <source>Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;All files (*)</source>
        <translation>動画 (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open &amp;camera…</source>
        <translation>カメラを開く(&amp;C)…</translation>
    </message>
    <message>
        <source>Open camera</source>
        <translation>カメラを開く</translation>
    </message>
    <message>
        <source>Camera index (/dev/videoN):</source>
        <translation>カメラ番号 (/dev/videoN)：</translation>
    </message>
    <message>
        <source>Recent videos</source>
        <translation>最近使った動画</translation>
    </message>
    <message>
        <source>Model %1 · image %2 · %3 · ViT Prune Studio %4</source>
        <translation>モデル %1 · 画像 %2 · %3 · ViT Prune Studio %4</translation>
    </message>
    <message>
        <source>Keep masks of every block (JSON)…</source>
        <translation>全ブロックの保持マスク (JSON)…</translation>
    </message>
    <message>
        <source>Export each block&apos;s patch fates</source>
        <translation>各ブロックのパッチの状態をエクスポート</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 of %4 GMACs</source>
        <translation>%1 (%2) · %3 GMACs (全体 %4 GMACs 中)</translation>
    </message>
    <message>
        <source>%1: pane %2 has no result yet; export again when every pane shows one</source>
        <translation>%1: ペイン %2 にはまだ結果がありません。すべてのペインに結果が表示されてから再度エクスポートしてください</translation>
    </message>
    <message>
        <source>%1
%2
%3 GMACs (%4% of dense)</source>
        <translation>%1
%2
%3 GMACs (密モデルの %4%)</translation>
    </message>
    <message>
        <source>%1 · block %2</source>
        <translation>%1 · ブロック %2</translation>
    </message>
    <message>
        <source>%1 at block %2 (%3)</source>
        <translation>%1、ブロック %2 (%3)</translation>
    </message>
    <message>
        <source>equal-cost lock on</source>
        <translation>同一コストにロック</translation>
    </message>
    <message>
        <source>own settings</source>
        <translation>各自の設定</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <source>The studio keeps the model that was open: %1.</source>
        <translation>以前に開いていたモデルを引き続き使用します: %1。</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>モデルが開かれていません。</translation>
    </message>
    <message>
        <source>This file could not be opened as a ViT checkpoint.

%1

%2</source>
        <translation>このファイルを ViT のチェックポイントとして開けませんでした。

%1

%2</translation>
    </message>
    <message>
        <source>%1: %2 GMACs, timing…</source>
        <translation>%1: %2 GMACs、計測中…</translation>
    </message>
    <message>
        <source>Save &amp;pruned model…</source>
        <translation>枝刈り済みモデルを保存(&amp;P)…</translation>
    </message>
    <message>
        <source>Save pruned model (a folder: config.json + model.safetensors)</source>
        <translation>枝刈り済みモデルを保存 (フォルダー: config.json + model.safetensors)</translation>
    </message>
    <message>
        <source>Save the model the current structural method makes (fewer heads, neurons or blocks) as a folder that the studio and the command line open like any other model</source>
        <translation>現在の構造的手法が作るモデル (ヘッド、ニューロン、ブロックが少ない) を、スタジオとコマンドラインが他のモデルと同じように開けるフォルダーとして保存します</translation>
    </message>
    <message>
        <source>Pruning with %1…</source>
        <translation>%1 で枝刈り中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save pruned model</source>
        <translation>枝刈り済みモデルの保存</translation>
    </message>
    <message>
        <source>Could not save the pruned model to %1:

%2</source>
        <translation>枝刈り済みモデルを %1 に保存できませんでした:

%2</translation>
    </message>
    <message>
        <source>Saving the pruned model was cancelled; %1 was not written</source>
        <translation>枝刈り済みモデルの保存をキャンセルしました。%1 は書き込まれていません</translation>
    </message>
    <message>
        <source>Saved the pruned model to %1 (%2)</source>
        <translation>枝刈り済みモデルを %1 に保存しました (%2)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <source>Opening the model…</source>
        <translation>モデルを開いています…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>キャリブレーション画像を %1 枚読み込み中 (Fashion-MNIST 学習セット)…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 を保存中…</translation>
    </message>
    <message>
        <source>%1 GMACs, %2 parameters</source>
        <translation>%1 GMACs、パラメーター %2 個</translation>
    </message>
    <message>
        <source>Saving the pruned model to %1…</source>
        <translation>枝刈り済みモデルを %1 に保存中…</translation>
    </message>
    <message>
        <source>Open method &amp;parts…</source>
        <translation>手法パーツを開く(&amp;P)…</translation>
    </message>
    <message>
        <source>Open method parts</source>
        <translation>手法パーツを開く</translation>
    </message>
    <message>
        <source>Method parts (*.safetensors);;All files (*)</source>
        <translation>手法パーツ (*.safetensors);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open method parts</source>
        <translation>手法パーツを開けません</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Train method parts…</source>
        <translation>手法パーツを学習(&amp;T)…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>--device %1: this build has no such device (%2)</source>
        <translation>--device %1: このビルドにはそのデバイスがありません (%2)</translation>
    </message>
</context>
<context>
    <name>vp::MeasuredCost</name>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>ms per image</source>
        <translation>画像あたりの ms</translation>
    </message>
    <message>
        <source>images / s</source>
        <translation>画像/秒</translation>
    </message>
    <message>
        <source>x axis: GMACs (the papers&apos; convention) or cost measured on this machine</source>
        <translation>x 軸: GMACs (論文での慣例) またはこのマシンで実測したコスト</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>バッチ %1</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Stop timing</source>
        <translation>計測を停止</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x 軸：</translation>
    </message>
    <message>
        <source>timing %1/%2: %3</source>
        <translation>計測 %1/%2: %3</translation>
    </message>
    <message>
        <source>timing failed: %1</source>
        <translation>計測に失敗しました: %1</translation>
    </message>
    <message>
        <source>timing stopped</source>
        <translation>計測を停止しました</translation>
    </message>
    <message>
        <source>batch %1, %2 threads, %3</source>
        <translation>バッチ %1、%2 スレッド、%3</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>画像あたりの GMACs</translation>
    </message>
    <message>
        <source>measured ms per image (%1)</source>
        <translation>画像あたりの実測 ms (%1)</translation>
    </message>
    <message>
        <source>measured images / s (%1)</source>
        <translation>実測 画像/秒 (%1)</translation>
    </message>
    <message>
        <source>latency cache not saved: %1</source>
        <translation>レイテンシキャッシュを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Threads: </source>
        <translation>スレッド数: </translation>
    </message>
</context>
<context>
    <name>vp::Methods</name>
    <message>
        <source>Dense (no pruning)</source>
        <translation>密モデル (枝刈りなし)</translation>
    </message>
    <message>
        <source>The unpruned model: every patch goes through every block.</source>
        <translation>枝刈りしないモデル: すべてのパッチがすべてのブロックを通ります。</translation>
    </message>
    <message>
        <source>Random keep</source>
        <translation>ランダム保持</translation>
    </message>
    <message>
        <source>Keeps a random subset of the patch tokens after attention at the chosen blocks.</source>
        <translation>選択したブロックのアテンションの後で、パッチトークンのランダムな部分集合を保持します。</translation>
    </message>
    <message>
        <source>Keep ratio</source>
        <translation>保持率</translation>
    </message>
    <message>
        <source>Fraction of the current patch tokens kept at each pruning block.</source>
        <translation>各枝刈りブロックで保持する現在のパッチトークンの割合。</translation>
    </message>
    <message>
        <source>Pruning blocks</source>
        <translation>枝刈りブロック</translation>
    </message>
    <message>
        <source>0-based blocks after whose attention tokens are dropped.</source>
        <translation>アテンションの後でトークンを破棄するブロック (0 始まり)。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Random seed (per forward).</source>
        <translation>乱数シード (順伝播ごと)。</translation>
    </message>
    <message>
        <source>Attention top-k (no fusion)</source>
        <translation>アテンション top-k (融合なし)</translation>
    </message>
    <message>
        <source>Keeps the patches the CLS token attends to most and drops the rest.</source>
        <translation>CLS トークンが最も注目するパッチを保持し、残りを破棄します。</translation>
    </message>
    <message>
        <source>EViT</source>
        <translation>EViT</translation>
    </message>
    <message>
        <source>Keep rate</source>
        <translation>保持レート</translation>
    </message>
    <message>
        <source>Fraction of the current non-CLS tokens kept at each pruning block (EViT&apos;s keep_rate).</source>
        <translation>各枝刈りブロックで保持する現在の非 CLS トークンの割合 (EViT の keep_rate)。</translation>
    </message>
    <message>
        <source>0-based blocks after whose attention tokens are reorganised.</source>
        <translation>アテンションの後でトークンを再編成するブロック (0 始まり)。</translation>
    </message>
    <message>
        <source>Fuse inattentive tokens</source>
        <translation>注目度の低いトークンを融合</translation>
    </message>
    <message>
        <source>Fold the dropped tokens into one attention-weighted token (EViT) or drop them.</source>
        <translation>破棄したトークンをアテンションで重み付けした 1 つのトークンにまとめる (EViT) か、そのまま破棄します。</translation>
    </message>
    <message>
        <source>ToMe (token merging)</source>
        <translation>ToMe (トークンマージ)</translation>
    </message>
    <message>
        <source>Merges the r most similar token pairs in every block (bipartite soft matching).</source>
        <translation>各ブロックで最も類似した r 組のトークンペアをマージします (二部ソフトマッチング)。</translation>
    </message>
    <message>
        <source>Tokens merged per block</source>
        <translation>ブロックごとのマージトークン数</translation>
    </message>
    <message>
        <source>r: tokens removed by merging in each block (capped at half the tokens, as the reference).</source>
        <translation>r: 各ブロックでマージにより削除するトークン数 (参照実装と同様、トークン数の半分が上限)。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>constant: r in every block; decreasing: ToMe&apos;s (r, inflection) schedule.</source>
        <translation>constant: 全ブロックで r。decreasing: ToMe の (r, 変曲点) スケジュール。</translation>
    </message>
    <message>
        <source>Inflection</source>
        <translation>変曲点</translation>
    </message>
    <message>
        <source>ToMe&apos;s inflection for the decreasing schedule (-0.5: start at 1.5r, end at 0.5r).</source>
        <translation>decreasing スケジュールにおける ToMe の変曲点 (-0.5: 1.5r で始まり 0.5r で終わる)。</translation>
    </message>
    <message>
        <source>Proportional attention</source>
        <translation>比例アテンション</translation>
    </message>
    <message>
        <source>Add log(token size) to the attention logits of the keys.</source>
        <translation>キーのアテンションロジットに log(トークンサイズ) を加えます。</translation>
    </message>
    <message>
        <source>Evo-ViT</source>
        <translation>Evo-ViT</translation>
    </message>
    <message>
        <source>Sorts patches by a global class-attention score in two stages; the informative ones go through the blocks, the others are placeholders that skip them and re-join later.</source>
        <translation>グローバルなクラスアテンションスコアでパッチを 2 段階で並べ替えます。情報量の多いパッチはブロックを通り、それ以外はブロックをスキップするプレースホルダーとなって後で再合流します。</translation>
    </message>
    <message>
        <source>Fraction of the patches that are informative in each stage: int(P * keep) (98 of 196).</source>
        <translation>各ステージで情報量が多いとするパッチの割合: int(P * keep) (196 中 98)。</translation>
    </message>
    <message>
        <source>Start block</source>
        <translation>開始ブロック</translation>
    </message>
    <message>
        <source>First block of the first stage; the blocks from here on form two stages of equal length.</source>
        <translation>第 1 ステージの最初のブロック。ここから先のブロックが同じ長さの 2 つのステージになります。</translation>
    </message>
    <message>
        <source>Score tradeoff</source>
        <translation>スコアの配分</translation>
    </message>
    <message>
        <source>g &lt;- (1 - alpha) g + alpha * CLS attention, for the informative tokens from the start block.</source>
        <translation>g &lt;- (1 - alpha) g + alpha * CLS アテンション (開始ブロック以降の情報量の多いトークンに適用)。</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>ヘッド</translation>
    </message>
    <message>
        <source>mean: head(norm(mean of patch tokens)), the reference&apos;s head (Evo-ViT checkpoints); cls: the checkpoint&apos;s own head (CLS token for DeiT); auto: mean for Evo-ViT checkpoints, cls otherwise.</source>
        <translation>mean: head(norm(パッチトークンの平均))、参照実装のヘッド (Evo-ViT のチェックポイント)。cls: チェックポイント自身のヘッド (DeiT では CLS トークン)。auto: Evo-ViT のチェックポイントでは mean、それ以外は cls。</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>プレースホルダー</translation>
    </message>
    <message>
        <source>code: authors&apos; code, placeholders frozen; paper: paper&apos;s description (approximation), a representative token carries the blocks&apos; update to the placeholders.</source>
        <translation>code: 著者のコード、プレースホルダーは固定。paper: 論文の記述 (近似)、代表トークンがブロックの更新をプレースホルダーに伝えます。</translation>
    </message>
    <message>
        <source>LTP (fixed thresholds)</source>
        <translation>LTP (固定しきい値)</translation>
    </message>
    <message>
        <source>Drops tokens that receive little attention (below theta_l / N, thresholds rising linearly over the blocks); the count varies per image. The authors evaluate on BERT only: applying it to ViTs is this app&apos;s adaptation.</source>
        <translation>受けるアテンションが少ないトークンを破棄します (theta_l / N 未満、しきい値はブロックごとに線形に上昇)。破棄数は画像ごとに異なります。著者の評価は BERT のみで、ViT への適用は本アプリによる応用です。</translation>
    </message>
    <message>
        <source>Final threshold</source>
        <translation>最終しきい値</translation>
    </message>
    <message>
        <source>theta_final, relative to the uniform score 1/N: after block l a token is pruned when the attention it receives is below theta_final * (l+1)/L / N. 0 = dense; larger prunes more.</source>
        <translation>theta_final (一様スコア 1/N に対する相対値): ブロック l の後、受けるアテンションが theta_final * (l+1)/L / N 未満のトークンは枝刈りされます。0 = 密モデル。大きいほど多く枝刈りします。</translation>
    </message>
    <message>
        <source>Patch Slimming (training-free approximation)</source>
        <translation>Patch Slimming (学習不要の近似)</translation>
    </message>
    <message>
        <source>Static nested patch masks decided top-down from the attention of a calibration set (the same patches for every image). Training-free approximation: the paper fine-tunes the model.</source>
        <translation>キャリブレーションセットのアテンションから上位のブロックから順に決める静的な入れ子のパッチマスク (全画像で同じパッチ)。学習不要の近似: 論文ではモデルをファインチューニングします。</translation>
    </message>
    <message>
        <source>Last-block keep ratio</source>
        <translation>最終ブロックの保持率</translation>
    </message>
    <message>
        <source>Fraction of the patches the last block keeps; earlier blocks keep linearly more.</source>
        <translation>最終ブロックが保持するパッチの割合。それより前のブロックは線形に多く保持します。</translation>
    </message>
    <message>
        <source>Block where the linear schedule starts at 100%; later blocks keep fewer patches.</source>
        <translation>線形スケジュールが 100% で始まるブロック。それ以降のブロックはより少ないパッチを保持します。</translation>
    </message>
    <message>
        <source>Calibration images</source>
        <translation>キャリブレーション画像</translation>
    </message>
    <message>
        <source>Images whose averaged attention decides the masks.</source>
        <translation>平均アテンションでマスクを決める画像。</translation>
    </message>
    <message>
        <source>Per-block keep ratios</source>
        <translation>ブロックごとの保持率</translation>
    </message>
    <message>
        <source>One keep ratio per block (1 = no pruning there), comma-separated; replaces the keep ratio and the pruning blocks when set. Empty: not used.</source>
        <translation>ブロックごとに1つの保持率（1 = そのブロックでは枝刈りしない）をカンマ区切りで指定します。設定すると保持率と枝刈りブロックに代わります。空なら使用しません。</translation>
    </message>
    <message>
        <source>Per-block keep rates</source>
        <translation>ブロックごとの保持レート</translation>
    </message>
    <message>
        <source>One keep rate per block (1 = no pruning there), comma-separated; replaces keep and the pruning blocks when set. Empty: not used.</source>
        <translation>ブロックごとに1つの保持レート（1 = そのブロックでは枝刈りしない）をカンマ区切りで指定します。設定すると keep と枝刈りブロックに代わります。空なら使用しません。</translation>
    </message>
    <message>
        <source>Per-block r</source>
        <translation>ブロックごとの r</translation>
    </message>
    <message>
        <source>One r per block (tokens merged there), comma-separated; replaces r and the schedule when set. Empty: not used.</source>
        <translation>ブロックごとに1つの r（そのブロックでマージするトークン数）をカンマ区切りで指定します。設定すると r とスケジュールに代わります。空なら使用しません。</translation>
    </message>
    <message>
        <source>Eventful Transformer</source>
        <translation>Eventful Transformer (動画)</translation>
    </message>
    <message>
        <source>Video: recomputes only the tokens that changed since the previous frame; the first frame is dense, so a single image shows the dense model.</source>
        <translation>動画: 前のフレームから変化したトークンだけを再計算します。最初のフレームは密に計算されるため、単一の画像では密モデルの結果が表示されます。</translation>
    </message>
    <message>
        <source>Gate policy</source>
        <translation>ゲートのポリシー</translation>
    </message>
    <message>
        <source>top-r: the r tokens with the largest change at each gate; threshold: every token whose change (L2 norm) exceeds the threshold.</source>
        <translation>top-r: 各ゲートで変化が最も大きい r 個のトークン。threshold: 変化量 (L2 ノルム) がしきい値を超えるすべてのトークン。</translation>
    </message>
    <message>
        <source>Tokens recomputed per gate</source>
        <translation>ゲートごとの再計算トークン数</translation>
    </message>
    <message>
        <source>r for the top-r policy, CLS included; r at or above the token count recomputes every token.</source>
        <translation>top-r ポリシーの r (CLS を含む)。r がトークン数以上の場合はすべてのトークンを再計算します。</translation>
    </message>
    <message>
        <source>Change threshold</source>
        <translation>変化のしきい値</translation>
    </message>
    <message>
        <source>For the threshold policy: a token is recomputed when the L2 norm of its change since it was last computed exceeds this.</source>
        <translation>threshold ポリシー用: 前回計算されてからの変化量の L2 ノルムがこの値を超えたトークンを再計算します。</translation>
    </message>
    <message>
        <source>Attention update</source>
        <translation>アテンションの更新</translation>
    </message>
    <message>
        <source>delta: sparse query-key and delta attention-value updates (the paper&apos;s full method, which keeps old attention weights of unpicked tokens); delta-exact: the same with the softmax renormalised (ours: exact for unchanged tokens, about 1.25x the delta&apos;s attention cost); sparse-qk: only the query-key product is updated sparsely; dense: both products in full.</source>
        <translation>delta: クエリ・キー積の疎な更新とアテンション・バリュー積の差分更新 (論文の完全な手法で、選ばれなかったトークンの古いアテンション重みを保持します)。delta-exact: 同じ処理に softmax の再正規化を加えたもの (本アプリ独自: 変化していないトークンでは厳密、アテンションのコストは delta の約 1.25x)。sparse-qk: クエリ・キー積だけを疎に更新します。dense: 両方の積を完全に計算します。</translation>
    </message>
    <message>
        <source>Always recompute CLS</source>
        <translation>常に CLS を再計算</translation>
    </message>
    <message>
        <source>Recompute the CLS token at every gate (not in the paper, whose gates treat it like any token; one token per gate).</source>
        <translation>すべてのゲートで CLS トークンを再計算します (論文にはない設定で、論文のゲートは CLS を他のトークンと同様に扱います。ゲートごとに 1 トークン)。</translation>
    </message>
    <message>
        <source>Keeps the patches the CLS token attends to most; fuses the rest into one token (drops them when fusion is off).</source>
        <translation>CLS トークンが最も注目するパッチを保持し、残りを 1 つのトークンに融合します (融合がオフのときは破棄します)。</translation>
    </message>
    <message>
        <source>Attention-layer removal</source>
        <translation>アテンション層の削除</translation>
    </message>
    <message>
        <source>Removes the attention sub-blocks whose output has the lowest entropy on calibration images; a removed sub-block computes x = 2x and its MLP still runs. No dilution training.</source>
        <translation>キャリブレーション画像での出力のエントロピーが最も低いアテンションのサブブロックを削除します。削除したサブブロックは x = 2x を計算し、ブロックの MLP はそのまま実行されます。希釈学習は行いません。</translation>
    </message>
    <message>
        <source>Attention layers removed</source>
        <translation>削除するアテンション層の数</translation>
    </message>
    <message>
        <source>How many attention sub-blocks to remove, lowest output entropy first.</source>
        <translation>削除するアテンションのサブブロックの数 (出力のエントロピーが低いものから順に削除)。</translation>
    </message>
    <message>
        <source>Removed layers</source>
        <translation>削除する層</translation>
    </message>
    <message>
        <source>0-based blocks whose attention is removed, comma-separated; replaces the count and the ranking when set. Empty: not used.</source>
        <translation>アテンションを削除するブロック (0 始まり) をカンマ区切りで指定します。設定すると層の数と順位付けに代わります。空なら使用しません。</translation>
    </message>
    <message>
        <source>Images whose attention outputs rank the layers by entropy.</source>
        <translation>アテンション出力のエントロピーで層を順位付けするための画像。</translation>
    </message>
    <message>
        <source>NViT (global Hessian-aware pruning)</source>
        <translation>NViT (ヘッセ行列を考慮したグローバル枝刈り)</translation>
    </message>
    <message>
        <source>Removes heads, query/key and value dims and MLP neurons ranked globally by squared Taylor importance on calibration images, until the GMACs budget is met. One shot, no fine-tuning.</source>
        <translation>キャリブレーション画像での二乗テイラー重要度でグローバルに順位付けしたヘッド、クエリ/キー次元、バリュー次元、MLP ニューロンを、GMACs 予算を満たすまで削除します。ワンショットで、ファインチューニングは行いません。</translation>
    </message>
    <message>
        <source>Prune embedding dims</source>
        <translation>埋め込み次元を枝刈り</translation>
    </message>
    <message>
        <source>Also rank the embedding dims (shared by every block). The normalisation statistics then change, so without fine-tuning accuracy drops more.</source>
        <translation>埋め込み次元 (全ブロックで共有) も順位付けします。その場合は正規化の統計量が変わるため、ファインチューニングなしでは精度がより大きく低下します。</translation>
    </message>
    <message>
        <source>GMACs budget</source>
        <translation>GMACs 予算</translation>
    </message>
    <message>
        <source>Fraction of the model&apos;s dense GMACs the pruned model may cost; the least important units are removed across all blocks until it does.</source>
        <translation>枝刈り後のモデルに許容するコストの、密モデルの GMACs に対する割合。これを満たすまで、全ブロックにわたって重要度の最も低いユニットを削除します。</translation>
    </message>
    <message>
        <source>Images whose gradients rank the units.</source>
        <translation>勾配でユニットを順位付けするための画像。</translation>
    </message>
    <message>
        <source>S²ViTE (structured heads and neurons)</source>
        <translation>S²ViTE (ヘッドとニューロンの構造化枝刈り)</translation>
    </message>
    <message>
        <source>Removes whole attention heads and MLP neurons with the lowest first-order Taylor importance, ranked across blocks. One shot: the paper&apos;s prune-and-grow training is not run.</source>
        <translation>アテンションヘッド全体と MLP ニューロンをブロックをまたいで順位付けし、一次のテイラー重要度が最も低いものを削除します。ワンショット: 論文の prune-and-grow 学習は実行しません。</translation>
    </message>
    <message>
        <source>hMHSA + cFFN</source>
        <translation>hMHSA + cFFN</translation>
    </message>
    <message>
        <source>Computes only some heads&apos; attention maps and mixes the others from them (least squares on calibration images), and factorises each MLP&apos;s output projection by truncated SVD. Training-free approximation of the paper&apos;s trained blocks.</source>
        <translation>一部のヘッドのアテンションマップだけを計算し、残りのヘッドのマップはそれらから合成します (キャリブレーション画像での最小二乗法)。さらに各 MLP の出力射影を打ち切り SVD で分解します。論文の学習済みブロックを学習なしで近似します。</translation>
    </message>
    <message>
        <source>cFFN rank (share of D)</source>
        <translation>cFFN のランク (D に対する割合)</translation>
    </message>
    <message>
        <source>Rank of each factorised MLP output projection as a share t of the embedding dim D (the paper: 2/3). 1 keeps full rank (exact, but costlier than one matrix).</source>
        <translation>分解した各 MLP 出力射影のランクを埋め込み次元 D に対する割合 t で指定します (論文: 2/3)。1 はフルランクを保ちます (厳密ですが、1 つの行列より高コスト)。</translation>
    </message>
    <message>
        <source>Hallucinated heads (share)</source>
        <translation>幻覚ヘッド (割合)</translation>
    </message>
    <message>
        <source>Share of all heads whose attention map is mixed from the computed maps instead of computed, spread over the blocks, best-fitted maps first (the paper: half of every block&apos;s).</source>
        <translation>アテンションマップを計算せず、計算済みのマップから合成するヘッドの全ヘッドに対する割合。ブロック全体に割り振り、近似の良いマップから選びます (論文: 各ブロックの半分)。</translation>
    </message>
    <message>
        <source>Images the hallucinated maps are fitted on.</source>
        <translation>幻覚マップを当てはめる画像。</translation>
    </message>
    <message>
        <source>Search steps</source>
        <translation>探索ステップ数</translation>
    </message>
    <message>
        <source>Adam steps of the mask search over the calibration images (weights frozen); more steps separate important from unimportant units more clearly.</source>
        <translation>キャリブレーション画像でのマスク探索の Adam ステップ数 (重みは固定)。ステップが多いほど重要なユニットとそうでないユニットがはっきり分かれます。</translation>
    </message>
    <message>
        <source>Mask sparsity weight</source>
        <translation>マスクのスパース性の重み</translation>
    </message>
    <message>
        <source>Weight of the L1 penalty on the masks against the distillation loss during the search.</source>
        <translation>探索中の蒸留損失に対するマスクの L1 ペナルティの重み。</translation>
    </message>
    <message>
        <source>ViT-Slim (soft-mask search)</source>
        <translation>ViT-Slim (ソフトマスク探索)</translation>
    </message>
    <message>
        <source>Learns a soft mask on every head dim and MLP neuron (weights frozen, L1 sparsity, distilling the unpruned model on calibration images), then removes the smallest masks across all blocks until the GMACs budget is met.</source>
        <translation>すべてのヘッド次元と MLP ニューロンにソフトマスクを学習し (重みは固定、L1 スパース性、キャリブレーション画像で枝刈り前モデルを蒸留)、GMACs 予算を満たすまで全ブロックから最も小さいマスクを削除します。</translation>
    </message>
    <message>
        <source>Search embedding dims</source>
        <translation>埋め込み次元も探索</translation>
    </message>
    <message>
        <source>Also mask and prune the embedding dims (shared by every block).</source>
        <translation>埋め込み次元 (全ブロック共通) もマスクして枝刈りします。</translation>
    </message>
    <message>
        <source>VTP (dimension pruning with gates)</source>
        <translation>VTP (ゲートによる次元枝刈り)</translation>
    </message>
    <message>
        <source>Removes attention and MLP feature dims whose gate falls under one global threshold. Gates are learned on calibration images (weights frozen), or replaced by each dim&apos;s weight norm.</source>
        <translation>ゲートが 1 つのグローバルしきい値を下回るアテンションと MLP の特徴次元を削除します。ゲートはキャリブレーション画像で学習するか (重みは固定)、各次元の重みノルムで置き換えます。</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <source>learned: L1-penalised gates learned on the calibration images; weight-norm: the untrained stand-in, each dim&apos;s weight magnitude.</source>
        <translation>learned: キャリブレーション画像で学習した L1 ペナルティ付きゲート。weight-norm: 学習なしの代替で、各次元の重みの大きさ。</translation>
    </message>
    <message>
        <source>WDPruning (width and depth)</source>
        <translation>WDPruning (幅と深さ)</translation>
    </message>
    <message>
        <source>Cuts the model after the shallowest block whose linear probe agrees with the full model often enough, then removes heads and MLP neurons by Taylor importance until the GMACs budget is met.</source>
        <translation>線形プローブが完全なモデルと十分に一致する最も浅いブロックの後でモデルを切り、GMACs 予算を満たすまでテイラー重要度でヘッドと MLP ニューロンを削除します。</translation>
    </message>
    <message>
        <source>Exit after block</source>
        <translation>出口ブロック</translation>
    </message>
    <message>
        <source>Number of blocks kept (the probe after the last one becomes the head). 0: the shallowest block whose probe reaches the agreement.</source>
        <translation>保持するブロック数 (最後のブロックの後のプローブが分類ヘッドになります)。0: プローブが一致率に達する最も浅いブロック。</translation>
    </message>
    <message>
        <source>Probe agreement</source>
        <translation>プローブ一致率</translation>
    </message>
    <message>
        <source>With exit 0: the share of calibration images on which a block&apos;s probe must predict what the full model predicts.</source>
        <translation>出口が 0 のとき: ブロックのプローブが完全なモデルと同じ予測をしなければならないキャリブレーション画像の割合。</translation>
    </message>
    <message>
        <source>SPViT (attention to convolution)</source>
        <translation>SPViT（アテンションを畳み込みへ）</translation>
    </message>
    <message>
        <source>Turns attention layers into weight-shared 3x3 or 1x1 convolutions, or skips them, choosing per layer the least harmful option until the GMACs budget is met. Untrained approximation: convolutions come from the value projections, fitted on calibration images.</source>
        <translation>アテンション層を重み共有の 3x3 または 1x1 畳み込みに変えるかスキップし、GMACs 予算を満たすまで層ごとに最も害の少ない選択をします。学習なしの近似：畳み込みは値射影から作り、校正画像で当てはめます。</translation>
    </message>
    <message>
        <source>Fraction of the model&apos;s dense GMACs the pruned model may cost; below what skipping every attention layer costs, every layer is skipped.</source>
        <translation>枝刈り後のモデルが使えるデンス GMACs の割合。全アテンション層をスキップしたコストを下回ると、すべての層をスキップします。</translation>
    </message>
    <message>
        <source>3x3 conv layers</source>
        <translation>3x3 畳み込み層</translation>
    </message>
    <message>
        <source>0-based blocks whose attention becomes a 3x3 convolution; with conv1 and skip it replaces the budget search when any is set.</source>
        <translation>アテンションを 3x3 畳み込みにするブロック（0 始まり）。conv1、skip と合わせ、どれかを設定すると予算探索の代わりになります。</translation>
    </message>
    <message>
        <source>1x1 conv layers</source>
        <translation>1x1 畳み込み層</translation>
    </message>
    <message>
        <source>0-based blocks whose attention becomes a 1x1 convolution.</source>
        <translation>アテンションを 1x1 畳み込みにするブロック（0 始まり）。</translation>
    </message>
    <message>
        <source>Skipped layers</source>
        <translation>スキップする層</translation>
    </message>
    <message>
        <source>0-based blocks whose attention is skipped (x = x).</source>
        <translation>アテンションをスキップするブロック（0 始まり、x = x）。</translation>
    </message>
    <message>
        <source>Images that fit the convolutions to the attention outputs and measure each choice&apos;s harm.</source>
        <translation>畳み込みをアテンション出力に当てはめ、各選択の害を測る画像。</translation>
    </message>
    <message>
        <source>DynamicViT</source>
        <translation>DynamicViT</translation>
    </message>
    <message>
        <source>Learned prediction modules score the patches before the pruning blocks; stage k keeps ratio^k of the original patches with the highest scores.</source>
        <translation>学習済みの予測モジュールが枝刈りブロックの前でパッチをスコア付けします。ステージ k では、元のパッチのうちスコアが最も高い ratio^k の割合を保持します。</translation>
    </message>
    <message>
        <source>rho: stage k (k = 1, 2, 3) keeps int(P * rho^k) of the P original patches. Training targets this ratio too.</source>
        <translation>rho: ステージ k (k = 1, 2, 3) では P 個の元のパッチのうち int(P * rho^k) 個を保持します。学習もこの比率を目標にします。</translation>
    </message>
    <message>
        <source>0-based blocks before which a prediction module prunes (DeiT: 3,6,9; LV-ViT-S: 4,8,12; LV-ViT-M: 5,10,15); one trained module per block.</source>
        <translation>予測モジュールがその前で枝刈りするブロック (0 始まり。DeiT: 3,6,9、LV-ViT-S: 4,8,12、LV-ViT-M: 5,10,15)。ブロックごとに学習済みモジュールを 1 つ使います。</translation>
    </message>
    <message>
        <source>score predictors</source>
        <translation>スコア予測器</translation>
    </message>
    <message>
        <source>IA-RED²</source>
        <translation>IA-RED²</translation>
    </message>
    <message>
        <source>Learned interpreters before each group of blocks keep the patches whose keep probability reaches the threshold; trained with REINFORCE. No official code is public: this follows the paper.</source>
        <translation>各ブロックグループの前にある学習済みインタープリターが、保持確率がしきい値に達したパッチを保持します。REINFORCE で学習します。公式コードは公開されていないため、論文の記述に従っています。</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>判定しきい値</translation>
    </message>
    <message>
        <source>A patch goes on to the next group when its interpreter&apos;s keep probability is at least this (0 = dense; the paper uses 0.5).</source>
        <translation>インタープリターの保持確率がこの値以上のとき、パッチは次のグループに進みます (0 = 密モデル。論文では 0.5)。</translation>
    </message>
    <message>
        <source>Cost weight (training)</source>
        <translation>コストの重み (学習)</translation>
    </message>
    <message>
        <source>Training only: the reward is 1 for a correct prediction minus this times the fraction of patches kept; larger learns to keep fewer.</source>
        <translation>学習時のみ: 報酬は、正しい予測に対する 1 から、この値と保持したパッチの割合の積を引いたものです。大きいほど保持するパッチが少なくなるように学習します。</translation>
    </message>
    <message>
        <source>interpreters</source>
        <translation>インタープリター</translation>
    </message>
    <message>
        <source>LTP (learned thresholds)</source>
        <translation>LTP (学習しきい値)</translation>
    </message>
    <message>
        <source>Drops tokens that receive less attention than a threshold learned per block (LTP&apos;s soft-mask training); the count varies per image. The authors evaluate on BERT only: applying it to ViTs is this app&apos;s adaptation.</source>
        <translation>ブロックごとに学習したしきい値より受けるアテンションが少ないトークンを破棄します (LTP のソフトマスク学習)。破棄数は画像ごとに異なります。著者の評価は BERT のみで、ViT への適用は本アプリによる応用です。</translation>
    </message>
    <message>
        <source>Threshold scale</source>
        <translation>しきい値のスケール</translation>
    </message>
    <message>
        <source>Multiplies every learned threshold: 1 = as trained, 0 = dense, larger prunes more.</source>
        <translation>学習したすべてのしきい値に掛ける係数。1 = 学習どおり、0 = 密モデル。大きいほど多く枝刈りします。</translation>
    </message>
    <message>
        <source>Per-block thresholds</source>
        <translation>ブロックごとのしきい値</translation>
    </message>
    <message>
        <source>One threshold per block, relative to the uniform score 1/N, comma-separated; replaces the learned ones when set. Empty: the learned thresholds times the scale.</source>
        <translation>ブロックごとに1つのしきい値（一様スコア 1/N に対する相対値）をカンマ区切りで指定します。設定すると学習したしきい値に代わります。空なら学習したしきい値にスケールを掛けた値を使います。</translation>
    </message>
    <message>
        <source>Keep-ratio weight (training)</source>
        <translation>保持率の重み (学習)</translation>
    </message>
    <message>
        <source>Training only: weight of the mean soft mask in the loss; larger learns higher thresholds.</source>
        <translation>学習時のみ: 損失における平均ソフトマスクの重み。大きいほど高いしきい値を学習します。</translation>
    </message>
    <message>
        <source>thresholds</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>A-ViT</source>
        <translation>A-ViT</translation>
    </message>
    <message>
        <source>Each token halts when the halting scores read from its first channel add up to 1; the prediction is the class token&apos;s halting-weighted output. The backbone is tuned with a ponder loss and a depth prior.</source>
        <translation>各トークンは、最初のチャネルから読み取った停止スコアの合計が 1 に達すると停止します。予測は CLS トークンの停止スコアで重み付けした出力です。バックボーンは ponder 損失と深さの事前分布でファインチューニングします。</translation>
    </message>
    <message>
        <source>Gate centre shift</source>
        <translation>ゲート中心のシフト</translation>
    </message>
    <message>
        <source>Added to the trained gate centre at inference: positive makes tokens halt later (more compute), negative earlier.</source>
        <translation>推論時に学習済みのゲート中心に加算します。正の値ではトークンの停止が遅くなり (計算量が増加)、負の値では早くなります。</translation>
    </message>
    <message>
        <source>Gate scale (training)</source>
        <translation>ゲートのスケール (学習)</translation>
    </message>
    <message>
        <source>Training only: gamma in h = sigmoid(gamma * x0 - beta), kept in the parts.</source>
        <translation>学習時のみ: h = sigmoid(gamma * x0 - beta) の gamma。手法パーツに保存されます。</translation>
    </message>
    <message>
        <source>Gate centre (training)</source>
        <translation>ゲート中心 (学習)</translation>
    </message>
    <message>
        <source>Training only: beta in h = sigmoid(gamma * x0 - beta), kept in the parts.</source>
        <translation>学習時のみ: h = sigmoid(gamma * x0 - beta) の beta。手法パーツに保存されます。</translation>
    </message>
    <message>
        <source>Ponder loss weight (training)</source>
        <translation>ponder 損失の重み (学習)</translation>
    </message>
    <message>
        <source>Training only: weight of the mean token depth; larger halts earlier.</source>
        <translation>学習時のみ: トークンの平均深さの重み。大きいほどトークンが早く停止します。</translation>
    </message>
    <message>
        <source>Depth prior weight (training)</source>
        <translation>深さの事前分布の重み (学習)</translation>
    </message>
    <message>
        <source>Training only: weight of the KL between where tokens halt and a Gaussian around two thirds of the depth.</source>
        <translation>学習時のみ: トークンが停止する位置の分布と、深さの約 3 分の 2 を中心とするガウス分布との間の KL ダイバージェンスの重み。</translation>
    </message>
    <message>
        <source>halting gates and tuned backbone</source>
        <translation>停止ゲートとファインチューニング済みのバックボーン</translation>
    </message>
    <message>
        <source>S-ViTE</source>
        <translation>S-ViTE</translation>
    </message>
    <message>
        <source>A learned token selector keeps the top-k patches before block 0; optional unstructured magnitude sparsity of the linear weights, whose GMACs count the non-zeros while the measured time stays dense.</source>
        <translation>学習済みのトークンセレクターがブロック 0 の前で top-k 個のパッチを保持します。オプションで線形層の重みに大きさに基づく非構造スパース化を適用でき、その GMACs は非ゼロの重みだけを数えますが、計測時間は密モデルのままです。</translation>
    </message>
    <message>
        <source>Patches kept (top-k)</source>
        <translation>保持するパッチ (top-k)</translation>
    </message>
    <message>
        <source>Share of the patches the selector keeps before block 0 (1 = dense).</source>
        <translation>セレクターがブロック 0 の前で保持するパッチの割合 (1 = 密モデル)。</translation>
    </message>
    <message>
        <source>Weight sparsity</source>
        <translation>重みのスパース性</translation>
    </message>
    <message>
        <source>Share of every block&apos;s linear weights zeroed by magnitude (one-shot). GMACs count the non-zeros; dense kernels still multiply the zeros, so the measured time does not drop.</source>
        <translation>各ブロックの線形層の重みのうち、大きさに基づいてゼロにする割合 (ワンショット)。GMACs は非ゼロの重みだけを数えますが、密なカーネルはゼロも乗算するため、計測時間は短くなりません。</translation>
    </message>
    <message>
        <source>Gumbel temperature (training)</source>
        <translation>Gumbel 温度 (学習)</translation>
    </message>
    <message>
        <source>Training only: temperature of the Gumbel top-k sampling.</source>
        <translation>学習時のみ: Gumbel top-k サンプリングの温度。</translation>
    </message>
    <message>
        <source>token selector</source>
        <translation>トークンセレクター</translation>
    </message>
</context>
<context>
    <name>vp::OverlayGridFigure</name>
    <message>
        <source>block %1</source>
        <translation>ブロック %1</translation>
    </message>
</context>
<context>
    <name>vp::ParetoPanel</name>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Measure every chosen method&apos;s settings on the dataset (cached points are reused)</source>
        <translation>選択した各手法の設定をデータセットで測定します (キャッシュ済みの点は再利用)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 — %n finished point(s) kept; Run resumes.</source>
        <translation>
            <numerusform>キャンセルしました: %1 — 完了した %n 点を保持しました。「実行」で再開します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %1 — %n point(s).</source>
        <translation>
            <numerusform>完了: %1 — %n 点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep failed: %1</source>
        <translation>スイープに失敗しました: %1</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>モデルがまだ読み込まれていません。</translation>
    </message>
    <message>
        <source>%1 on %2, %3 images</source>
        <translation>%1、%2、画像数: %3</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Choose at least one method to sweep.</source>
        <translation>スイープする手法を 1 つ以上選択してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n cached point(s).</source>
        <translation>
            <numerusform>%1 — キャッシュ済み %n 点。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — not swept yet; Run measures it.</source>
        <translation>%1 — まだスイープしていません。「実行」で測定します。</translation>
    </message>
    <message>
        <source>Ignored unreadable cache (measured again on Run): %1</source>
        <translation>読み取れないキャッシュを無視しました (「実行」で再測定します): %1</translation>
    </message>
    <message>
        <source>Loading model and planning settings…</source>
        <translation>モデルを読み込み、設定を計画中…</translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation>%1 をスイープ中…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>現在のバッチの完了後にキャンセルします…</translation>
    </message>
    <message>
        <source>%1/%2 points</source>
        <translation>%1/%2 点</translation>
    </message>
    <message>
        <source>%1 — point %2/%3, %4/%5 images</source>
        <translation>%1 — 点 %2/%3、画像 %4/%5</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1: wait for the running sweep to finish or cancel it</source>
        <translation>%1: 実行中のスイープの完了を待つか、キャンセルしてください</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3, %4 images — %n point(s).</source>
        <translation>
            <numerusform>%1: %2、%3、画像数: %4 — %n 点。</numerusform>
        </translation>
    </message>
    <message>
        <source>No points yet: choose a dataset and methods, then Run. Each point is one setting evaluated on the dataset; cached points appear at once.</source>
        <translation>まだ点がありません: データセットと手法を選び、「実行」を押してください。各点はデータセットで評価した 1 つの設定です。キャッシュ済みの点はすぐに表示されます。</translation>
    </message>
    <message>
        <source>Nothing to time yet: Run a sweep (or open a sweep file) first; the latency axis then times each of its points on this machine.</source>
        <translation>まだ計測するものがありません: 先にスイープを実行する (またはスイープファイルを開く) と、レイテンシ軸がその各点をこのマシンで計測します。</translation>
    </message>
    <message>
        <source> — about %1 s left</source>
        <translation> — 残り約 %1 秒</translation>
    </message>
    <message>
        <source> — about %1 min left</source>
        <translation> — 残り約 %1 分</translation>
    </message>
</context>
<context>
    <name>vp::ParetoPlot</name>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>top-1 精度 (%)</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>密モデル</translation>
    </message>
    <message>
        <source>current</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>%1 %2, accuracy %3%</source>
        <translation>%1 %2、精度 %3%</translation>
    </message>
    <message>
        <source>Click to load this setting</source>
        <translation>クリックでこの設定を読み込みます</translation>
    </message>
</context>
<context>
    <name>vp::PatchOverlayView</name>
    <message>
        <source>Patch %1 (row %2, col %3)</source>
        <translation>パッチ %1 (行 %2、列 %3)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>merged into token %1</source>
        <translation>トークン %1 にマージ</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>マージ</translation>
    </message>
    <message>
        <source>fused into the background token</source>
        <translation>背景トークンに融合</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>parked (skips blocks, comes back later)</source>
        <translation>待機 (ブロックをスキップし、後で戻る)</translation>
    </message>
    <message>
        <source>Fate: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>スコア: %1</translation>
    </message>
    <message>
        <source>Token size: %1</source>
        <translation>トークンサイズ: %1</translation>
    </message>
    <message>
        <source>reused: not recomputed at this block&apos;s first gate (its q, k, v come from an earlier frame)</source>
        <translation>再利用: このブロックの最初のゲートで再計算されていません (q, k, v は以前のフレームのもの)</translation>
    </message>
    <message>
        <source>Dropped at block %1</source>
        <translation>ブロック %1 で破棄</translation>
    </message>
    <message>
        <source>Dropped later, at block %1</source>
        <translation>後のブロック %1 で破棄</translation>
    </message>
</context>
<context>
    <name>vp::PerImageCostDialog</name>
    <message>
        <source>Per-image cost</source>
        <translation>画像ごとのコスト</translation>
    </message>
    <message>
        <source>Runs the current method and settings on every image and records what that image cost. Methods whose token counts depend on the image (LTP) spread over many bins; methods that keep a fixed number of tokens (EViT, ToMe, random, …) cost every image the same and show a single bar.</source>
        <translation>現在の手法と設定をすべての画像で実行し、各画像のコストを記録します。トークン数が画像によって変わる手法 (LTP) は多くのビンに分布し、固定数のトークンを保持する手法 (EViT、ToMe、random、…) はどの画像も同じコストになり、棒が 1 本だけ表示されます。</translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation>Fashion-MNIST テストセット (10,000)</translation>
    </message>
    <message>
        <source>Fashion-MNIST train (60,000)</source>
        <translation>Fashion-MNIST 学習セット (60,000)</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation>クラスごとに画像のサブフォルダーを 1 つ持つフォルダー</translation>
    </message>
    <message>
        <source>The first N images of the dataset (fewer when it holds fewer)</source>
        <translation>データセットの先頭 N 枚の画像 (それより少ない場合はすべての画像)</translation>
    </message>
    <message>
        <source>Histogram bins between the cheapest and the dearest image</source>
        <translation>最も低コストな画像と最も高コストな画像の間のヒストグラムのビン数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>ビン数</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像数</translation>
    </message>
    <message>
        <source>%v / %m images</source>
        <translation>%v / %m 枚</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>図をエクスポート…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>図をエクスポート</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG 画像 (*.png);;SVG 画像 (*.svg);;PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV をエクスポート</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled before the first batch finished.</source>
        <translation>最初のバッチが完了する前にキャンセルしました。</translation>
    </message>
    <message>
        <source>Cancelled: showing the first %1 images.</source>
        <translation>キャンセルしました: 先頭の %1 枚の画像を表示しています。</translation>
    </message>
    <message>
        <source>Measured %1 images in %2 s.</source>
        <translation>%1 枚の画像を %2 秒で測定しました。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗しました: %1</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>未測定</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt; — dense %3 GMACs per image</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; での &lt;b&gt;%1&lt;/b&gt; — 密モデルは画像あたり %3 GMACs</translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation>データセットフォルダー (クラスごとに 1 つのサブフォルダー)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>現在のバッチの完了後にキャンセルします…</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%2 での %1、%3</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>画像あたりの GMACs</translation>
    </message>
    <message>
        <source>%1 ± %2 (%3% of dense %4) · min %5 · p5 %6 · median %7 · p95 %8 · max %9</source>
        <translation>%1 ± %2 (密モデル %4 の %3%) · 最小 %5 · p5 %6 · 中央値 %7 · p95 %8 · 最大 %9</translation>
    </message>
    <message>
        <source>Tokens per block</source>
        <translation>ブロックあたりのトークン数</translation>
    </message>
    <message>
        <source>%1 ± %2 (mean over the blocks) · min %3 · max %4</source>
        <translation>%1 ± %2 (ブロック全体の平均) · 最小 %3 · 最大 %4</translation>
    </message>
    <message>
        <source>Tokens after the last block</source>
        <translation>最終ブロック通過後のトークン数</translation>
    </message>
    <message>
        <source>%1 ± %2 · min %3 · max %4</source>
        <translation>%1 ± %2 · 最小 %3 · 最大 %4</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1 精度</translation>
    </message>
    <message>
        <source>%1% of %2 images</source>
        <translation>%2 枚中 %1%</translation>
    </message>
    <message>
        <source>Every image cost the same (%1 GMACs): %2 keeps a fixed number of tokens per block, so the histogram is a single bar. Methods with per-image token counts, such as LTP, spread over many bins.</source>
        <translation>すべての画像のコストが同じでした (%1 GMACs): %2 はブロックごとに固定数のトークンを保持するため、ヒストグラムは棒 1 本になります。LTP のように画像ごとにトークン数が変わる手法は、多くのビンに分布します。</translation>
    </message>
    <message>
        <source>%1: nothing measured yet (press Run first)</source>
        <translation>%1: まだ何も測定していません (先に「実行」を押してください)</translation>
    </message>
</context>
<context>
    <name>vp::PerImageCostWorker</name>
    <message>
        <source>internal error: the per-image worker must live on its own thread</source>
        <translation>内部エラー: 画像ごとのワーカーは専用のスレッドで動作する必要があります</translation>
    </message>
    <message>
        <source>%1 on %2: internal error: %3</source>
        <translation>%2 での %1: 内部エラー: %3</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%2 での %1: %3</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込み中…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>キャリブレーション画像を %1 枚読み込み中 (Fashion-MNIST 学習セット)…</translation>
    </message>
    <message>
        <source>Measuring %1 images…</source>
        <translation>%1 枚の画像を測定中…</translation>
    </message>
</context>
<context>
    <name>vp::ResultPanel</name>
    <message>
        <source>Prediction (top %1)</source>
        <translation>予測 (上位 %1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pruned&lt;/b&gt;</source>
        <translation>&lt;b&gt;枝刈り後&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dense&lt;/b&gt;</source>
        <translation>&lt;b&gt;密モデル&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>GMACs:</source>
        <translation>GMACs：</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>実測：</translation>
    </message>
    <message>
        <source>block</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>%1  (%2% of dense %3)</source>
        <translation>%1  (密モデル %3 の %2%)</translation>
    </message>
    <message>
        <source>✔ agrees with dense: %1 (%2% vs %3%)</source>
        <translation>✔ 密モデルと一致: %1 (%2% 対 %3%)</translation>
    </message>
    <message>
        <source>✘ differs from dense: %1 instead of %2</source>
        <translation>✘ 密モデルと不一致: %2 ではなく %1</translation>
    </message>
    <message>
        <source>Edit schedule</source>
        <translation>スケジュールを編集</translation>
    </message>
    <message>
        <source>Show the value every block uses and drag a bar to change it; the method then follows this per-block schedule instead of its main knob.</source>
        <translation>各ブロックが使う値を表示し、棒をドラッグして変更します。手法は主パラメータの代わりにこのブロックごとのスケジュールに従います。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Clear the per-block schedule: the main knob and its blocks apply again.</source>
        <translation>ブロックごとのスケジュールを消去し、主パラメータとそのブロックを再び使います。</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>枝刈り後</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>密モデル</translation>
    </message>
    <message>
        <source>A per-block schedule is set.</source>
        <translation>ブロックごとのスケジュールが設定されています。</translation>
    </message>
    <message>
        <source>Drag a bar to set that block&apos;s value.</source>
        <translation>棒をドラッグしてそのブロックの値を設定します。</translation>
    </message>
    <message>
        <source>From the main knob; drag a bar to set a per-block schedule.</source>
        <translation>主パラメータによる値です。棒をドラッグするとブロックごとのスケジュールを設定します。</translation>
    </message>
    <message>
        <source>keep ratio</source>
        <translation>保持率</translation>
    </message>
    <message>
        <source>r (merged)</source>
        <translation>r（マージ数）</translation>
    </message>
    <message>
        <source>timing… (once the settings rest; %1, %2 threads)</source>
        <translation>計測中… (設定が落ち着いたら実行。%1、%2 スレッド)</translation>
    </message>
    <message>
        <source>%1 ms per image (median of %2, timed interleaved with dense; %3, %4 threads)</source>
        <translation>画像あたり %1 ms (%2 回の中央値、密モデルと交互に計測。%3、%4 スレッド)</translation>
    </message>
    <message>
        <source>GMACs promise %1×</source>
        <translation>GMACs からの期待値 %1×</translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up ≈%2× (noisy: %3–%4×; %5)</source>
        <translation>密モデル %1 ms → 高速化 ≈%2× (ノイズ大: %3–%4×、%5)</translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up %2× (range %3–%4×; %5)</source>
        <translation>密モデル %1 ms → 高速化 %2× (範囲 %3–%4×、%5)</translation>
    </message>
    <message>
        <source>Unstructured sparsity: GMACs count the %1% non-zero weights, but dense kernels still multiply the zeros, so the time does not drop.</source>
        <translation>非構造スパース性: GMACs は %1% の非ゼロの重みだけを数えますが、密なカーネルはゼロも乗算するため、時間は短くなりません。</translation>
    </message>
</context>
<context>
    <name>vp::SidePanel</name>
    <message>
        <source>Token pruning and merging</source>
        <translation>トークンの枝刈りとマージ</translation>
    </message>
    <message>
        <source>Structural pruning</source>
        <translation>構造的枝刈り</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>⚠ random weights — stand-in until fashion-vit-tiny is installed. Predictions are meaningless; pruning and costs are real.</source>
        <translation>⚠ ランダムな重み — fashion-vit-tiny がインストールされるまでの代用です。予測に意味はありませんが、枝刈りとコストは実際の値です。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Target cost in GMACs per image: sets the method&apos;s main knob by bisection, so methods compare at equal cost.</source>
        <translation>画像あたりの目標コスト (GMACs): 二分法で手法の主パラメータを決め、手法を同じコストで比較できるようにします。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>This method has no main knob to trade cost with.</source>
        <translation>この手法にはコストを調整する主パラメータがありません。</translation>
    </message>
    <message>
        <source>≤ %1 GMACs (%2% of dense; reachable %3 – %4)</source>
        <translation>≤ %1 GMACs (密モデルの %2%、到達可能範囲 %3 – %4)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters</source>
        <translation>%1 · %2 · パラメータ数 %3</translation>
    </message>
    <message>
        <source>input %1×%2×%2, patch %3 (%4×%5 patches), %6 blocks, dim %7, %8 heads, %9 classes</source>
        <translation>入力 %1×%2×%2、パッチ %3 (%4×%5 パッチ)、%6 ブロック、次元 %7、%8 ヘッド、%9 クラス</translation>
    </message>
    <message>
        <source>reported top-1: %1%</source>
        <translation>公表値 top-1: %1%</translation>
    </message>
    <message>
        <source>The per-block schedule (%1) replaces the main knob: clear it (Reset under the chart) to meet a budget.</source>
        <translation>ブロックごとのスケジュール（%1）が主パラメータに代わっています。予算に合わせるには消去してください（グラフ下の「リセット」）。</translation>
    </message>
    <message>
        <source>Not available for this model: it needs trained %1. Train them with Model ▸ Train method parts…, open a parts file with File ▸ Open method parts…, or run:
%2</source>
        <translation>このモデルでは使用できません: 学習済みの %1 が必要です。「モデル ▸ 手法パーツを学習…」で学習するか、「ファイル ▸ 手法パーツを開く…」でパーツファイルを開くか、次のコマンドを実行してください:
%2</translation>
    </message>
    <message>
        <source>Cannot apply to this model: %1</source>
        <translation>このモデルには適用できません: %1</translation>
    </message>
    <message>
        <source>  — needs training</source>
        <translation>  — 要学習</translation>
    </message>
    <message>
        <source>  — cannot apply</source>
        <translation>  — 適用不可</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>パーツ</translation>
    </message>
    <message>
        <source>Where the forwards run, and in which precision. bfloat16 is faster on GPUs and on CPUs with AVX512-BF16; rankings are still taken in float32, but the activations are rounded, so a few images keep other tokens.%1</source>
        <translation>順伝播を実行する場所と精度。bfloat16 は GPU と AVX512-BF16 対応の CPU で高速です。順位付けは float32 のまま行いますが、活性値が丸められるため、一部の画像では残るトークンが変わります。%1</translation>
    </message>
    <message>
        <source> This build of LibTorch has no GPU support: CPU only.</source>
        <translation> この LibTorch ビルドは GPU に対応していません: CPU のみ。</translation>
    </message>
</context>
<context>
    <name>vp::SingleImagePage</name>
    <message>
        <source>Open an image: File ▸ Open image…, or drop one here.</source>
        <translation>画像を開いてください: ファイル ▸ 画像を開く…、またはここにドロップします。</translation>
    </message>
    <message>
        <source>Show after block:</source>
        <translation>表示するブロック（通過後）：</translation>
    </message>
    <message>
        <source>Which block&apos;s token fates the overlay shows (0-based, as --layer and the methods&apos; block knobs).</source>
        <translation>オーバーレイでトークンの状態を表示するブロック (--layer や各手法のブロック指定と同じく 0 始まり)。</translation>
    </message>
    <message>
        <source>Every block: click one (or use ←/→) to show it above</source>
        <translation>全ブロック: クリック (または ←/→) で上に表示します</translation>
    </message>
    <message>
        <source>▶ Play blocks</source>
        <translation>▶ ブロックを再生</translation>
    </message>
    <message>
        <source>Step through the blocks one after another</source>
        <translation>ブロックを順番に表示します</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>パッチ</translation>
    </message>
    <message>
        <source>Each patch&apos;s fate after the block: kept, merged, fused, dropped or parked</source>
        <translation>ブロック通過後の各パッチの状態: 保持、マージ、融合、破棄、待機</translation>
    </message>
    <message>
        <source>What each surviving token represents: its features after the block on the dense model&apos;s first three principal components (fitted on this image), as red, green and blue, painted over every patch it holds. Similar colours = similar features; a region without inner lines = one token.</source>
        <translation>生き残った各トークンが表すもの: ブロック通過後のその特徴を密モデルの第 1～第 3 主成分 (この画像で算出) 上で赤・緑・青として表し、そのトークンが含むすべてのパッチに塗ります。色が近い = 特徴が近い。内部に線のない領域 = 1 つのトークン。</translation>
    </message>
    <message>
        <source>Open an image to see its token map.</source>
        <translation>画像を開くとトークンマップが表示されます。</translation>
    </message>
    <message>
        <source>R, G, B = the token&apos;s features on the dense model&apos;s principal components 1–3 · one outlined region = one token · hatched = dropped</source>
        <translation>R, G, B = 密モデルの主成分 1～3 におけるトークンの特徴 · 輪郭で囲まれた 1 領域 = 1 トークン · ハッチング = 破棄</translation>
    </message>
    <message>
        <source>Token map</source>
        <translation>トークンマップ</translation>
    </message>
    <message>
        <source>%1 (%2×%3) — shown as the model sees it: %4×%4 %5</source>
        <translation>%1 (%2×%3) — モデルから見た形で表示: %4×%4 %5</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>グレースケール</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>block %1 · no result yet</source>
        <translation>ブロック %1 · 結果はまだありません</translation>
    </message>
    <message>
        <source>No token map: %1</source>
        <translation>トークンマップなし: %1</translation>
    </message>
    <message>
        <source>Computing the token map…</source>
        <translation>トークンマップを計算中…</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Where the CLS token attends in each block and head, and the attention rollout through the blocks, for the dense model and the method side by side</source>
        <translation>各ブロック・各ヘッドで CLS トークンが注目する位置と、ブロックを通したアテンション・ロールアウトを、密モデルと手法で並べて表示</translation>
    </message>
    <message>
        <source>Open an image to see where the CLS token attends.</source>
        <translation>画像を開くと CLS トークンの注目位置を表示します。</translation>
    </message>
    <message>
        <source>Computing the attention…</source>
        <translation>アテンションを計算中…</translation>
    </message>
    <message>
        <source>No attention view: %1</source>
        <translation>アテンション表示なし: %1</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>密モデル</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>block %1 · %2 · %3</source>
        <translation>ブロック %1 · %2 · %3</translation>
    </message>
    <message>
        <source> · attention removed</source>
        <translation> · アテンション削除</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Attention skipped (SPViT): the block computes x ← x, then its MLP</source>
        <translation>アテンションをスキップ (SPViT)：ブロックは x ← x を計算し、次に MLP</translation>
    </message>
    <message>
        <source>conv%1</source>
        <translation>畳込%1</translation>
    </message>
    <message>
        <source>Attention replaced by a %1×%1 convolution to %2 channels (SPViT), then its MLP</source>
        <translation>アテンションを %2 チャネルへの %1×%1 畳み込みに置換 (SPViT)、次に MLP</translation>
    </message>
</context>
<context>
    <name>vp::StructureView</name>
    <message>
        <source>&lt;b&gt;Structure kept&lt;/b&gt;</source>
        <translation>&lt;b&gt;保持された構造&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Heads per block (rows): %1 kept · %2 removed · %3 attention removed — counts, not original positions</source>
        <translation>ブロックごとのヘッド (行): %1 保持 · %2 削除 · %3 アテンション削除 — 元の位置ではなく個数</translation>
    </message>
    <message>
        <source>A pruned model&apos;s config records how many heads each block kept, not which of the original heads: the kept heads are drawn as the first cells of their row.</source>
        <translation>枝刈り済みモデルの設定には各ブロックが保持したヘッドの数だけが記録され、元のどのヘッドかは記録されません: 保持したヘッドは行の先頭のセルに描画されます。</translation>
    </message>
    <message>
        <source>block</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>MLP neurons</source>
        <translation>MLP ニューロン</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>unpruned</source>
        <translation>枝刈り前</translation>
    </message>
    <message>
        <source>Pruned by: %1</source>
        <translation>枝刈り: %1</translation>
    </message>
    <message>
        <source>%1 of %2 heads</source>
        <translation>ヘッド %1 / %2</translation>
    </message>
    <message>
        <source> · 1 attention sub-block removed</source>
        <translation> · アテンションサブブロックを 1 個削除</translation>
    </message>
    <message>
        <source> · %1 attention sub-blocks removed</source>
        <translation> · アテンションサブブロックを %1 個削除</translation>
    </message>
    <message>
        <source> · 1 block cut</source>
        <translation> · 1 ブロックを切り捨て</translation>
    </message>
    <message>
        <source> · %1 blocks cut</source>
        <translation> · %1 ブロックを切り捨て</translation>
    </message>
    <message>
        <source> · MLP neurons %1 of %2 (%3%)</source>
        <translation> · MLP ニューロン %1 / %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>vp::SweepSetupForm</name>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation>Fashion-MNIST テストセット (10,000)</translation>
    </message>
    <message>
        <source>Fashion-MNIST train</source>
        <translation>Fashion-MNIST 学習セット</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation>クラスごとに画像のサブフォルダーを 1 つ持つフォルダー</translation>
    </message>
    <message>
        <source>Evaluate each setting on the first N images of the dataset</source>
        <translation>各設定をデータセットの先頭 N 枚の画像で評価します</translation>
    </message>
    <message>
        <source>Settings per method, evenly spaced in GMACs between its cheapest and dense</source>
        <translation>手法ごとの設定数。最も低コストな設定から密モデルまで GMACs で等間隔に配置します</translation>
    </message>
    <message>
        <source>Training-free methods to sweep; the dense model is always measured</source>
        <translation>スイープする学習不要の手法。密モデルは常に測定されます</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像数</translation>
    </message>
    <message>
        <source>Points per method</source>
        <translation>手法あたりの点数</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>密モデル</translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation>データセットフォルダー (クラスごとに 1 つのサブフォルダー)</translation>
    </message>
    <message>
        <source>Fashion-MNIST has 10 classes; this model has %1</source>
        <translation>Fashion-MNIST は 10 クラスですが、このモデルは %1 クラスです</translation>
    </message>
    <message>
        <source>Fashion-MNIST has 10 classes and this model has %1: its accuracy there means nothing. Choose Dataset ▸ Folder… with one sub-folder of images per class of the model.</source>
        <translation>Fashion-MNIST は 10 クラスですが、このモデルは %1 クラスです。そこでの精度には意味がありません。「データセット ▸ フォルダー…」で、モデルのクラスごとに画像のサブフォルダーを 1 つ持つフォルダーを選んでください。</translation>
    </message>
</context>
<context>
    <name>vp::SweepWorker</name>
    <message>
        <source>%1 (set aside as .corrupt; measuring %2 again)</source>
        <translation>%1 (.corrupt として退避し、%2 を再測定します)</translation>
    </message>
    <message>
        <source>internal error: the sweep worker must live on its own thread</source>
        <translation>内部エラー: スイープワーカーは専用のスレッドで動作する必要があります</translation>
    </message>
    <message>
        <source>sweep of %1 on %2: internal error: %3</source>
        <translation>%2 での %1 のスイープ: 内部エラー: %3</translation>
    </message>
    <message>
        <source>sweep of %1 on %2: %3</source>
        <translation>%2 での %1 のスイープ: %3</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>%1 をスキップしました: %2</translation>
    </message>
</context>
<context>
    <name>vp::TimeBreakdownChart</name>
    <message>
        <source>block (left bar: dense, right bar: pruned)</source>
        <translation>ブロック (左の棒: 密モデル、右の棒: 枝刈り後)</translation>
    </message>
    <message>
        <source>ms per forward</source>
        <translation>順伝播 1 回あたりの ms</translation>
    </message>
    <message>
        <source>%1 — total %2 ms dense, %3 ms pruned (%4× faster)</source>
        <translation>%1 — 合計: 密モデル %2 ms、枝刈り後 %3 ms (%4× 高速)</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP 層</translation>
    </message>
    <message>
        <source>selection / merge ops</source>
        <translation>選択 / マージ処理</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>vp::TimeBreakdownDialog</name>
    <message>
        <source>Time breakdown: %1 on %2</source>
        <translation>時間内訳: %2 での %1</translation>
    </message>
    <message>
        <source>Timed forwards of each (dense, pruned); every stage&apos;s figure is the median</source>
        <translation>それぞれ (密モデル、枝刈り後) で計測する順伝播の回数。各段階の値は中央値です</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>測定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>実行回数</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>測定に失敗しました: %1</translation>
    </message>
    <message>
        <source>Export the time breakdown</source>
        <translation>時間内訳をエクスポート</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n run(s)…</source>
        <translation>
            <numerusform>%n 回の実行を測定中…</numerusform>
        </translation>
    </message>
    <message>
        <source>, batch %1</source>
        <translation>、バッチ %1</translation>
    </message>
    <message>
        <source>Blocks: attention %1 → %2 ms, MLP %3 → %4 ms, selection/merge ops %5 ms, other %6 → %7 ms. GMACs %8 → %9 (%10× fewer); time %11 → %12 ms (%13× faster). </source>
        <translation>ブロック: アテンション %1 → %2 ms、MLP %3 → %4 ms、選択/マージ処理 %5 ms、その他 %6 → %7 ms。GMACs %8 → %9 (%10× 削減)、時間 %11 → %12 ms (%13× 高速)。 </translation>
    </message>
    <message>
        <source>The method&apos;s own ops and bookkeeping take back %1 ms of the %2 ms that attention and MLP save (%3%).</source>
        <translation>手法自体の処理と管理処理が、アテンションと MLP で削減した %2 ms のうち %1 ms を打ち消しています (%3%)。</translation>
    </message>
    <message numerus="yes">
        <source> Median of %n run(s), %1 thread(s), %2; stage timers wait for the device, so totals run a little slower than an untimed forward.</source>
        <translation>
            <numerusform> %n 回の実行の中央値、%1 スレッド、%2。段階ごとのタイマーがデバイスの完了を待つため、合計は計測なしの順伝播より少し遅くなります。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nothing measured yet</source>
        <translation>%1: まだ何も測定していません</translation>
    </message>
    <message>
        <source>%1: export as PNG, SVG, PDF, JSON or text (.txt)</source>
        <translation>%1: PNG、SVG、PDF、JSON、テキスト (.txt) 形式でエクスポートできます</translation>
    </message>
</context>
<context>
    <name>vp::TokenMapView</name>
    <message>
        <source>Patch %1 (row %2, col %3), block %4</source>
        <translation>パッチ %1 (行 %2、列 %3)、ブロック %4</translation>
    </message>
    <message>
        <source>Dropped: no token carries it any more</source>
        <translation>破棄: どのトークンにも含まれなくなりました</translation>
    </message>
    <message>
        <source>Parked: set aside, not in this block&apos;s tokens</source>
        <translation>待機: 退避中で、このブロックのトークンには含まれません</translation>
    </message>
    <message>
        <source>Token %1, shared by %2 patches</source>
        <translation>トークン %1、%2 パッチで共有</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>トークン %1</translation>
    </message>
    <message>
        <source>Colour %1 (R, G, B = its features on the dense model&apos;s principal components 1, 2, 3)</source>
        <translation>色 %1 (R, G, B = 密モデルの主成分 1、2、3 におけるその特徴)</translation>
    </message>
</context>
<context>
    <name>vp::TrainPartsDialog</name>
    <message>
        <source>Train method parts for %1</source>
        <translation>%1 の手法パーツを学習</translation>
    </message>
    <message>
        <source>The first N images of the Fashion-MNIST train split</source>
        <translation>Fashion-MNIST 学習セットの先頭 N 枚の画像</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Resume the interrupted run in this folder</source>
        <translation>このフォルダーで中断した実行を再開</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>学習画像数</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>出力フォルダー</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>学習に失敗しました: %1</translation>
    </message>
    <message>
        <source>Cancelled: finished epochs are kept; tick Resume to continue</source>
        <translation>キャンセルしました: 完了したエポックは保持されます。続けるには「再開」にチェックを入れてください</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>No registered method has learned parts.</source>
        <translation>学習するパーツを持つ登録済みの手法はありません。</translation>
    </message>
    <message>
        <source>Recipe: %1. Scored after every epoch on 2,000 test images; the dense model is the teacher.</source>
        <translation>レシピ: %1。各エポックの後に 2,000 枚のテスト画像で評価します。密モデルが教師です。</translation>
    </message>
    <message>
        <source>Same as: %1</source>
        <translation>同等のコマンド: %1</translation>
    </message>
    <message>
        <source>Loading the model and Fashion-MNIST…</source>
        <translation>モデルと Fashion-MNIST を読み込み中…</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4, loss %5, %6 img/s</source>
        <translation>エポック %1/%2、ステップ %3/%4、損失 %5、%6 枚/秒</translation>
    </message>
    <message>
        <source>Wrote %1 (test top-1 %2%); the studio now uses it.</source>
        <translation>%1 を書き込みました (テスト top-1 %2%)。スタジオは今後これを使用します。</translation>
    </message>
</context>
<context>
    <name>vp::Translations</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>vp::VideoPage</name>
    <message>
        <source>Export video…</source>
        <translation>動画をエクスポート…</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>データをエクスポート…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open a video (File ▸ Open video…) or drop one here.</source>
        <translation>動画を開く (ファイル ▸ 動画を開く…) か、ここにドロップしてください。</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>0-based block whose patch fates are shown</source>
        <translation>パッチの状態を表示するブロック (0 始まり)</translation>
    </message>
    <message>
        <source>%1: the video ended early (truncated or damaged file)</source>
        <translation>%1: 動画が途中で終了しました (ファイルが途中で切れているか破損しています)</translation>
    </message>
    <message>
        <source>Export overlaid video</source>
        <translation>オーバーレイ付きの動画をエクスポート</translation>
    </message>
    <message>
        <source>Motion-JPEG video (*.avi)</source>
        <translation>Motion-JPEG 動画 (*.avi)</translation>
    </message>
    <message>
        <source>Export per-frame data</source>
        <translation>フレームごとのデータをエクスポート</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV ファイル (*.csv);;JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>same as dense</source>
        <translation>密モデルと同じ</translation>
    </message>
    <message>
        <source>dense says %1</source>
        <translation>密モデルは %1</translation>
    </message>
    <message>
        <source>Frame %1 · %2 %3 · %4 GMACs (dense %5) · %6 ms (dense %7) · top-1 %8 (%9%, %10) · dropped frames %11</source>
        <translation>フレーム %1 · %2 %3 · %4 GMACs (密モデル %5) · %6 ms (密モデル %7) · top-1 %8 (%9%、%10) · ドロップしたフレーム %11</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; recomputed</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 個を再計算</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; kept</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 個を保持</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1f4fa0&apos;&gt;■&lt;/span&gt; &lt;b&gt;%1&lt;/b&gt; reused from earlier frames</source>
        <translation>&lt;span style=&apos;color:#1f4fa0&apos;&gt;■&lt;/span&gt; &lt;b&gt;%1&lt;/b&gt; 個を以前のフレームから再利用</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; merged</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 個をマージ</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; fused</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 個を融合</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; dropped</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 個を破棄</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; parked</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 個が待機</translation>
    </message>
    <message>
        <source>After block %1: %2</source>
        <translation>ブロック %1 通過後: %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: 書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>vp::VideoTimeline</name>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>dense GMACs</source>
        <translation>密モデルの GMACs</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>dense ms</source>
        <translation>密モデルの ms</translation>
    </message>
    <message>
        <source>top-1 ≠ dense</source>
        <translation>top-1 ≠ 密モデル</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>フレーム</translation>
    </message>
</context>
<context>
    <name>vp::VideoTransport</name>
    <message>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 再生</translation>
    </message>
    <message>
        <source>Play or pause the video (Space)</source>
        <translation>動画を再生または一時停止します (Space キー)</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>コマ送り ▸</translation>
    </message>
    <message>
        <source>Next frame (while paused)</source>
        <translation>次のフレーム (一時停止中)</translation>
    </message>
    <message>
        <source>Reset stream</source>
        <translation>ストリームをリセット</translation>
    </message>
    <message>
        <source>Forget the previous frames: a video method computes the next frame densely again</source>
        <translation>以前のフレームを忘れます: 動画向けの手法は次のフレームを再び密に計算します</translation>
    </message>
    <message>
        <source>Seek (a jump resets the stream)</source>
        <translation>シーク (ジャンプするとストリームがリセットされます)</translation>
    </message>
    <message>
        <source>Playback speed (frames the model cannot keep up with are dropped, and counted)</source>
        <translation>再生速度 (モデルの処理が追いつかないフレームはドロップされ、その数が記録されます)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 一時停止</translation>
    </message>
</context>
<context>
    <name>vp::VideoWorker</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>フレーム %1: %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>エクスポートをキャンセルしました。%1 は書き込まれていません。</translation>
    </message>
    <message>
        <source>Wrote %1 frames to %2</source>
        <translation>%1 フレームを %2 に書き込みました</translation>
    </message>
</context>
</TS>
