<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>defaults</source>
        <translation>默认设置</translation>
    </message>
</context>
<context>
    <name>vp</name>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>复用</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 个词元</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
</context>
<context>
    <name>vp::AttentionView</name>
    <message>
        <source>CLS attention</source>
        <translation>CLS 注意力</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>注意力展开</translation>
    </message>
    <message>
        <source>CLS attention: the CLS query&apos;s attention inside the chosen block, on the token each patch lives in.
Rollout (Abnar &amp; Zuidema 2020): the attention of every block up to the chosen one, heads fused, identity added, rows renormalised and multiplied through the blocks; the CLS row read on the original patches.</source>
        <translation>CLS 注意力：所选块内 CLS 查询的注意力，显示在每个图像块所在的词元上。
注意力展开（Abnar &amp; Zuidema 2020）：从第一个块到所选块的每个块的注意力，各注意力头融合、加上单位矩阵、各行重新归一化后逐块相乘；在原始图像块上读取 CLS 行。</translation>
    </message>
    <message>
        <source>0-based block, as --layer and the methods&apos; block knobs</source>
        <translation>块（从 0 开始编号，与 --layer 及各方法的块参数一致）</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>注意力头：</translation>
    </message>
    <message>
        <source>Heads fused by:</source>
        <translation>注意力头融合方式：</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>How the rollout combines a block&apos;s heads before adding the identity</source>
        <translation>注意力展开在加上单位矩阵之前如何融合一个块的各注意力头</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>块：</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>第 %1 块</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>各头均值</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Open an image to see where the CLS token attends, for the dense model and the method.</source>
        <translation>打开一张图像，查看稠密模型和该方法中 CLS 词元关注的位置。</translation>
    </message>
    <message>
        <source>Attention rollout through blocks 0–%1, heads fused by their %2: how much of the CLS token traces back to each original patch (identity added for the residual, rows renormalised). Hatched over a colour: the patch is no longer in the method&apos;s tokens at block %1; dashed outline: in the fused token.</source>
        <translation>第 0–%1 块的注意力展开，各注意力头按%2融合：CLS 词元有多少可追溯到每个原始图像块（为残差连接加上单位矩阵，各行重新归一化）。彩色上的斜线：在第 %1 块该图像块已不在该方法的词元中；虚线轮廓：位于融合词元中。</translation>
    </message>
    <message>
        <source>the mean of the heads</source>
        <translation>各头的均值</translation>
    </message>
    <message>
        <source>CLS attention in block %1, %2, over the tokens that entered the block: each patch shows the attention its token gets (patches of a merged or fused token share it; dashed outline: the fused token). Dark and hatched: the patch is in no token there (dropped or parked).</source>
        <translation>第 %1 块中的 CLS 注意力（%2），基于进入该块的词元：每个图像块显示其所在词元获得的注意力（合并或融合词元中的图像块共享该值；虚线轮廓：融合词元）。暗色加斜线：该图像块在此不属于任何词元（已丢弃或暂存）。</translation>
    </message>
    <message>
        <source>%1 · patch %2 (row %3, col %4), block %5</source>
        <translation>%1 · 图像块 %2（第 %3 行，第 %4 列），第 %5 块</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <source>Dropped: in no token at this block</source>
        <translation>已丢弃：在此块中不属于任何词元</translation>
    </message>
    <message>
        <source>Parked: set aside, not in this block&apos;s tokens</source>
        <translation>暂存：被搁置，不在此块的词元中</translation>
    </message>
    <message>
        <source>Token %1, shared by %2 patches</source>
        <translation>词元 %1，由 %2 个图像块共享</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>词元 %1</translation>
    </message>
    <message>
        <source> (fused token)</source>
        <translation>（融合词元）</translation>
    </message>
</context>
<context>
    <name>vp::CompareView</name>
    <message>
        <source>Panes:</source>
        <translation>窗格数：</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>块：</translation>
    </message>
    <message>
        <source>The block shown in every pane</source>
        <translation>所有窗格中显示的块</translation>
    </message>
    <message>
        <source>Solve every pane&apos;s main knob for the same cost</source>
        <translation>求解每个窗格的主参数，使各窗格开销相同</translation>
    </message>
    <message>
        <source>%1 GMACs (%2%)</source>
        <translation>%1 GMACs（%2%）</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>第 %1 块</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>GMACs: the papers&apos; cost. Latency: measured on this machine at batch 1 (bisection on measured time; the first solve of a method times a dozen settings)</source>
        <translation>GMACs：论文中使用的开销。延迟：在本机上以批大小 1 实测（基于实测时间进行二分；对某个方法首次求解时会对十几个设置计时）</translation>
    </message>
    <message>
        <source>%1% of dense latency</source>
        <translation>稠密模型延迟的 %1%</translation>
    </message>
    <message>
        <source> (timed %1 ms for %2)</source>
        <translation> (实测 %1 ms，目标 %2 ms)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;lock asked %1%: the nearest setting this method has&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;锁定要求 %1%：这是该方法最接近的设置&lt;/i&gt;</translation>
    </message>
    <message>
        <source>timing…</source>
        <translation>计时中…</translation>
    </message>
    <message>
        <source>%1 ms, ≈%2× dense (noisy)</source>
        <translation>%1 ms，相对稠密模型 ≈%2×（噪声大）</translation>
    </message>
    <message>
        <source>%1 ms, %2× dense</source>
        <translation>%1 ms，相对稠密模型 %2×</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs (%3%) · %4%9&lt;br&gt;%5 %6% · block %7: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs（%3%）· %4%9&lt;br&gt;%5 %6% · 第 %7 块：%8</translation>
    </message>
</context>
<context>
    <name>vp::CompatibilityDialog</name>
    <message>
        <source>Applies</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>Needs training</source>
        <translation>需要训练</translation>
    </message>
    <message>
        <source>Cannot apply</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Compatibility report — %1</source>
        <translation>兼容性报告 — %1</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>系列：</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>%1 channel(s), %2×%3 pixels</source>
        <translation>%1 个通道，%2×%3 像素</translation>
    </message>
    <message>
        <source>Patches:</source>
        <translation>图像块：</translation>
    </message>
    <message>
        <source>patch %1, grid %2×%3 (%4 patches)</source>
        <translation>图像块 %1，网格 %2×%3（%4 个图像块）</translation>
    </message>
    <message>
        <source>Transformer:</source>
        <translation>Transformer 结构：</translation>
    </message>
    <message>
        <source>%1 blocks, %2 heads × head dim %3 = embed dim %4</source>
        <translation>%1 个块，%2 个头 × 头维度 %3 = 嵌入维度 %4</translation>
    </message>
    <message>
        <source>Prefix tokens:</source>
        <translation>前缀词元：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Pooling:</source>
        <translation>池化：</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注：%1</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>复制为文本(&amp;C)</translation>
    </message>
</context>
<context>
    <name>vp::CostHistogram</name>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>每张图像的 GMACs</translation>
    </message>
    <message>
        <source>%1 images: %2 ± %3 GMACs (mean ± std)</source>
        <translation>%1 张图像：%2 ± %3 GMACs（均值 ± 标准差）</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <source>dense %1</source>
        <translation>稠密模型 %1</translation>
    </message>
    <message>
        <source>%1 GMACs: %2 images</source>
        <translation>%1 GMACs：%2 张图像</translation>
    </message>
</context>
<context>
    <name>vp::EfficiencyDialog</name>
    <message>
        <source>Efficiency: GMACs saved vs time saved — %1</source>
        <translation>效率：节省的 GMACs 与节省的时间 — %1</translation>
    </message>
    <message>
        <source>Batch sizes, comma-separated (1 to 4096)</source>
        <translation>批大小，以逗号分隔（1 到 4096）</translation>
    </message>
    <message>
        <source>Each method is set to these fractions of the dense GMACs, so methods compare at equal cost</source>
        <translation>将每种方法设置为稠密模型 GMACs 的这些比例，使各方法在相同开销下比较</translation>
    </message>
    <message>
        <source>Interleaved dense/pruned pairs per setting at batch 1 (a third of them, at least 3, at larger batches)</source>
        <translation>批大小为 1 时每个设置交替运行的稠密/剪枝后配对数（批大小更大时取其三分之一，至少 3 对）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open table…</source>
        <translation>打开表格…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Measures on this machine: dense and pruned forwards interleaved, median of the per-pair ratios, p10–p90 as error bars. Efficiency 1 = the GMACs saving becomes time saved in full.</source>
        <translation>在本机上测量：稠密模型与剪枝后模型的前向传播交替进行，取各配对比值的中位数，以 p10–p90 作为误差线。效率为 1 表示 GMACs 的节省完全转化为时间的节省。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>GMACs speed-up</source>
        <translation>GMACs 加速比</translation>
    </message>
    <message>
        <source>measured speed-up (p10–p90)</source>
        <translation>实测加速比（p10–p90）</translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Batch sizes</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>GMACs budgets (× dense)</source>
        <translation>GMACs 预算（× 稠密模型）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>配对数</translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>已完成 %1/%2 — %3</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>测量失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) measured.</source>
        <translation>
            <numerusform>已测量 %n 个设置。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an efficiency table (vitprune bench --out)</source>
        <translation>打开效率表（vitprune bench --out）</translation>
    </message>
    <message>
        <source>Efficiency table (*.json)</source>
        <translation>效率表 (*.json)</translation>
    </message>
    <message>
        <source>Export the efficiency view</source>
        <translation>导出效率视图</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Choose at least one method, and give batch sizes and budgets as comma-separated numbers.</source>
        <translation>请至少选择一种方法，并以逗号分隔的数字给出批大小和预算。</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n setting(s).</source>
        <translation>
            <numerusform>%1：%n 个设置。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: export as PNG, SVG, PDF, JSON, CSV or Markdown (.md)</source>
        <translation>%1：只能导出为 PNG、SVG、PDF、JSON、CSV 或 Markdown（.md）</translation>
    </message>
</context>
<context>
    <name>vp::EfficiencyPlot</name>
    <message>
        <source>GMACs speed-up (dense GMACs / pruned GMACs)</source>
        <translation>GMACs 加速比（稠密模型 GMACs / 剪枝后 GMACs）</translation>
    </message>
    <message>
        <source>efficiency (measured speed-up / GMACs speed-up)</source>
        <translation>效率（实测加速比 / GMACs 加速比）</translation>
    </message>
    <message>
        <source>%1 · batch %2</source>
        <translation>%1 · 批大小 %2</translation>
    </message>
    <message>
        <source>ideal: time falls as GMACs do</source>
        <translation>理想：时间与 GMACs 同比下降</translation>
    </message>
    <message>
        <source>goal %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>vp::FigureExport</name>
    <message>
        <source>Cannot export %1: the file name has no type suffix (.png, .svg, .pdf…)</source>
        <translation>无法导出 %1：文件名没有类型后缀（.png、.svg、.pdf…）</translation>
    </message>
    <message>
        <source>Cannot export %1: unknown file type &quot;.%2&quot;</source>
        <translation>无法导出 %1：未知的文件类型“.%2”</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>渲染失败</translation>
    </message>
    <message>
        <source>Cannot export %1: the image is empty</source>
        <translation>无法导出 %1：图像为空</translation>
    </message>
    <message>
        <source>Cannot export %1: no plot</source>
        <translation>无法导出 %1：没有图表</translation>
    </message>
    <message>
        <source>cannot start the SVG painter</source>
        <translation>无法启动 SVG 绘制器</translation>
    </message>
    <message>
        <source>Cannot export %1: nothing to export</source>
        <translation>无法导出 %1：没有可导出的内容</translation>
    </message>
    <message>
        <source>cannot start the painter</source>
        <translation>无法启动绘制器</translation>
    </message>
</context>
<context>
    <name>vp::HeadGrid</name>
    <message>
        <source>Block %1: cut (the model now ends before it)</source>
        <translation>块 %1：已截去（模型现在在它之前结束）</translation>
    </message>
    <message>
        <source>MLP %1 of %2 neurons</source>
        <translation>MLP 神经元 %1 / %2</translation>
    </message>
    <message>
        <source>Block %1: attention removed (x ← 2x; the MLP still runs) · %2</source>
        <translation>块 %1：注意力已移除（x ← 2x；MLP 仍然运行）· %2</translation>
    </message>
    <message>
        <source>Block %1: %2 of %3 heads kept · q/k %4 of %5 dims per head · v %6 of %7 · %8</source>
        <translation>块 %1：保留 %2 / %3 个头 · 每个头 q/k 维度 %4 / %5 · v %6 / %7 · %8</translation>
    </message>
    <message>
        <source> · 1 head mixes its map from the others</source>
        <translation> · 1 个头的注意力图由其他头的图混合而成</translation>
    </message>
    <message>
        <source> · %1 heads mix their maps from the others</source>
        <translation> · %1 个头的注意力图由其他头的图混合而成</translation>
    </message>
    <message>
        <source>Counts, not original positions: the kept heads are drawn first.</source>
        <translation>显示的是数量而非原始位置：保留的头画在最前面。</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>已截去</translation>
    </message>
    <message>
        <source>attention removed</source>
        <translation>注意力已移除</translation>
    </message>
    <message>
        <source>no attn</source>
        <translation>无注意力</translation>
    </message>
    <message>
        <source>Block %1: attention replaced by a %2×%2 convolution to %3 channels (SPViT) · %4</source>
        <translation>块 %1：注意力被替换为输出 %3 通道的 %2×%2 卷积 (SPViT) · %4</translation>
    </message>
    <message>
        <source>Block %1: attention skipped (x ← x; the MLP still runs) · %2</source>
        <translation>块 %1：跳过注意力 (x ← x；MLP 仍然运行) · %2</translation>
    </message>
    <message>
        <source>%1×%1 convolution</source>
        <translation>%1×%1 卷积</translation>
    </message>
    <message>
        <source>attention skipped</source>
        <translation>跳过注意力</translation>
    </message>
    <message>
        <source>conv%1</source>
        <translation>卷积%1</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>vp::InferenceWorker</name>
    <message>
        <source>Loading model %1…</source>
        <translation>正在加载模型 %1…</translation>
    </message>
    <message>
        <source>Moving the model to %1…</source>
        <translation>正在将模型移至 %1…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>正在读取 %1 张校准图像（Fashion-MNIST 训练集）…</translation>
    </message>
    <message>
        <source>the forward recorded no blocks</source>
        <translation>前向传播未记录任何块</translation>
    </message>
</context>
<context>
    <name>vp::KeptTokensChart</name>
    <message>
        <source>dense</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>剪枝后</translation>
    </message>
    <message>
        <source>kept tokens</source>
        <translation>保留的词元</translation>
    </message>
    <message>
        <source> (dense %1)</source>
        <translation> (稠密模型 %1)</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Block %1: %2 kept</source>
        <translation>第 %1 块：保留 %2 个</translation>
    </message>
    <message>
        <source>Block %1: %2 (drag to change)</source>
        <translation>第 %1 块：%2（拖动以修改）</translation>
    </message>
</context>
<context>
    <name>vp::KnobHistory</name>
    <message>
        <source>method %1</source>
        <translation>方法 %1</translation>
    </message>
</context>
<context>
    <name>vp::KnobPanel</name>
    <message>
        <source>This method has no settings.</source>
        <translation>此方法没有可调设置。</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 3,6,9</source>
        <translation>以逗号分隔，例如 3,6,9</translation>
    </message>
    <message>
        <source>Main knob: the budget slider and the Pareto sweep move it.</source>
        <translation>主参数：预算滑块和帕累托扫描会调整它。</translation>
    </message>
    <message>
        <source>one value per block; empty: not used</source>
        <translation>每块一个值；留空则不使用</translation>
    </message>
</context>
<context>
    <name>vp::LayerStrip</name>
    <message>
        <source>Kept patches after each block; click or use the arrow keys to pick a layer</source>
        <translation>每个块之后保留的图像块；单击或使用方向键选择层</translation>
    </message>
    <message>
        <source>No layers yet</source>
        <translation>尚无层</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Block %1: %2</source>
        <translation>第 %1 块：%2</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>第 %1 块</translation>
    </message>
    <message>
        <source> · %1 in the MLP</source>
        <translation> · MLP 中 %1</translation>
    </message>
    <message>
        <source>Attention removed: the block computes x ← 2x, then its MLP</source>
        <translation>注意力已移除：该块计算 x ← 2x，然后运行其 MLP</translation>
    </message>
    <message>
        <source>Right-click to keep its attention</source>
        <translation>右键单击以保留其注意力</translation>
    </message>
    <message>
        <source>Right-click to remove its attention</source>
        <translation>右键单击以移除其注意力</translation>
    </message>
    <message>
        <source>Keep attention of block %1</source>
        <translation>保留块 %1 的注意力</translation>
    </message>
    <message>
        <source>Remove attention of block %1</source>
        <translation>移除块 %1 的注意力</translation>
    </message>
    <message>
        <source>no attn</source>
        <translation>无注意力</translation>
    </message>
</context>
<context>
    <name>vp::MainWindow</name>
    <message>
        <source>Accuracy vs cost (Pareto)</source>
        <translation>准确率与开销（帕累托）</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare 2–4 methods side by side on this image (Ctrl+K)</source>
        <translation>在此图像上并排比较 2–4 种方法（Ctrl+K）</translation>
    </message>
    <message>
        <source>◀ Image</source>
        <translation>◀ 图像</translation>
    </message>
    <message>
        <source>Image ▶</source>
        <translation>图像 ▶</translation>
    </message>
    <message>
        <source>--layer %1: %2 has blocks 0 to %3</source>
        <translation>--layer %1：%2 的块编号为 0 到 %3</translation>
    </message>
    <message>
        <source>Layer out of range</source>
        <translation>层超出范围</translation>
    </message>
    <message>
        <source>Model %1 loaded (%2 GMACs dense)</source>
        <translation>已加载模型 %1（稠密模型 %2 GMACs）</translation>
    </message>
    <message>
        <source>%1: %2 GMACs, %3 ms</source>
        <translation>%1：%2 GMACs，%3 ms</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Overlay of every block…</source>
        <translation>所有块的叠加图…</translation>
    </message>
    <message>
        <source>Export the overlay of every block</source>
        <translation>导出所有块的叠加图</translation>
    </message>
    <message>
        <source>Comparison…</source>
        <translation>比较图…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>导出比较图</translation>
    </message>
    <message>
        <source>Pareto plot…</source>
        <translation>帕累托图…</translation>
    </message>
    <message>
        <source>Export the Pareto plot</source>
        <translation>导出帕累托图</translation>
    </message>
    <message>
        <source>Result data…</source>
        <translation>结果数据…</translation>
    </message>
    <message>
        <source>Export the result&apos;s data</source>
        <translation>导出结果数据</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1: there is no result to export yet</source>
        <translation>%1：尚无可导出的结果</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 GMACs</source>
        <translation>%1 · %2 · %3 GMACs</translation>
    </message>
    <message>
        <source>%1: the comparison exports as PNG, SVG or PDF</source>
        <translation>%1：比较图只能导出为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>%1: result data exports as CSV or JSON</source>
        <translation>%1：结果数据只能导出为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>检查点 (*.safetensors *.pth *.pt *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open model &amp;folder…</source>
        <translation>打开模型文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open model folder (config.json + weights)</source>
        <translation>打开模型文件夹（config.json + 权重）</translation>
    </message>
    <message>
        <source>&amp;Default model (%1)</source>
        <translation>默认模型 (%1)(&amp;D)</translation>
    </message>
    <message>
        <source>Models in the &amp;HuggingFace cache</source>
        <translation>HuggingFace 缓存中的模型(&amp;H)</translation>
    </message>
    <message>
        <source>(none found in ~/.cache/huggingface/hub)</source>
        <translation>（在 ~/.cache/huggingface/hub 中未找到）</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>最近使用的模型</translation>
    </message>
    <message>
        <source>Open &amp;image(s)…</source>
        <translation>打开图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Open image(s)</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open image f&amp;older…</source>
        <translation>打开图像文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>没有图像</translation>
    </message>
    <message>
        <source>%1: no image files in this folder</source>
        <translation>%1：此文件夹中没有图像文件</translation>
    </message>
    <message>
        <source>Recent images</source>
        <translation>最近使用的图像</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Reset knobs to defaults</source>
        <translation>将参数重置为默认值</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies when the studio starts next.</source>
        <translation>新语言将在下次启动本程序时生效。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ViT Prune Studio</source>
        <translation>关于 ViT Prune Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About ViT Prune Studio</source>
        <translation>关于 ViT Prune Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;See which patches a token-pruning method keeps, what the model then predicts and what it costs.&lt;br&gt;Drop an image or a checkpoint (.safetensors, .pth) onto the window to open it.</source>
        <translation>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;查看词元剪枝方法保留了哪些图像块、模型随后的预测结果以及相应的开销。&lt;br&gt;将图像或检查点（.safetensors、.pth）拖放到窗口中即可打开。</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>无法打开图像</translation>
    </message>
    <message>
        <source>Invalid method settings</source>
        <translation>方法设置无效</translation>
    </message>
    <message>
        <source>Inference failed</source>
        <translation>推理失败</translation>
    </message>
    <message>
        <source>Model &amp;compatibility report…</source>
        <translation>模型兼容性报告(&amp;C)…</translation>
    </message>
    <message>
        <source>Cannot open sweep results</source>
        <translation>无法打开扫描结果</translation>
    </message>
    <message>
        <source>Open sweep results…</source>
        <translation>打开扫描结果…</translation>
    </message>
    <message>
        <source>Open sweep results (vitprune sweep / merge)</source>
        <translation>打开扫描结果（vitprune sweep / merge）</translation>
    </message>
    <message>
        <source>Sweep results (*.json)</source>
        <translation>扫描结果 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Efficiency: GMACs saved vs time saved…</source>
        <translation>效率：节省的 GMACs 与节省的时间(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Time breakdown of this setting…</source>
        <translation>此设置的时间分解(&amp;T)…</translation>
    </message>
    <message>
        <source>Pareto plot against measured &amp;latency</source>
        <translation>基于实测延迟的帕累托图(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Per-image cost…</source>
        <translation>逐图像开销(&amp;P)…</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>--analysis %1: nothing to show</source>
        <translation>--analysis %1：没有可显示的内容</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>请先打开模型</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>No result yet: the breakdown times the current setting</source>
        <translation>尚无结果：时间分解针对的是当前设置</translation>
    </message>
    <message>
        <source>Per-image cost</source>
        <translation>逐图像开销</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Frame %1 · %2: %3 GMACs (dense %4), %5 ms</source>
        <translation>第 %1 帧 · %2：%3 GMACs（稠密模型 %4），%5 ms</translation>
    </message>
    <message>
        <source>Video %1: %2×%3, %4 fps, %5 frames</source>
        <translation>视频 %1：%2×%3，%4 fps，帧数 %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Open &amp;video…</source>
        <translation>打开视频(&amp;V)…</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;All files (*)</source>
        <translation>视频 (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open &amp;camera…</source>
        <translation>打开摄像头(&amp;C)…</translation>
    </message>
    <message>
        <source>Open camera</source>
        <translation>打开摄像头</translation>
    </message>
    <message>
        <source>Camera index (/dev/videoN):</source>
        <translation>摄像头编号（/dev/videoN）：</translation>
    </message>
    <message>
        <source>Recent videos</source>
        <translation>最近使用的视频</translation>
    </message>
    <message>
        <source>Model %1 · image %2 · %3 · ViT Prune Studio %4</source>
        <translation>模型 %1 · 图像 %2 · %3 · ViT Prune Studio %4</translation>
    </message>
    <message>
        <source>Keep masks of every block (JSON)…</source>
        <translation>所有块的保留掩码（JSON）…</translation>
    </message>
    <message>
        <source>Export each block&apos;s patch fates</source>
        <translation>导出每个块的图像块去向</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 of %4 GMACs</source>
        <translation>%1（%2）· %3 GMACs（共 %4 GMACs）</translation>
    </message>
    <message>
        <source>%1: pane %2 has no result yet; export again when every pane shows one</source>
        <translation>%1：窗格 %2 尚无结果；请在所有窗格都显示结果后重新导出</translation>
    </message>
    <message>
        <source>%1
%2
%3 GMACs (%4% of dense)</source>
        <translation>%1
%2
%3 GMACs（稠密模型的 %4%）</translation>
    </message>
    <message>
        <source>%1 · block %2</source>
        <translation>%1 · 第 %2 块</translation>
    </message>
    <message>
        <source>%1 at block %2 (%3)</source>
        <translation>%1，第 %2 块（%3）</translation>
    </message>
    <message>
        <source>equal-cost lock on</source>
        <translation>已锁定相同开销</translation>
    </message>
    <message>
        <source>own settings</source>
        <translation>各自的设置</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>The studio keeps the model that was open: %1.</source>
        <translation>程序继续使用之前打开的模型：%1。</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>未打开模型。</translation>
    </message>
    <message>
        <source>This file could not be opened as a ViT checkpoint.

%1

%2</source>
        <translation>无法将此文件作为 ViT 检查点打开。

%1

%2</translation>
    </message>
    <message>
        <source>%1: %2 GMACs, timing…</source>
        <translation>%1：%2 GMACs，计时中…</translation>
    </message>
    <message>
        <source>Save &amp;pruned model…</source>
        <translation>保存剪枝后的模型(&amp;P)…</translation>
    </message>
    <message>
        <source>Save pruned model (a folder: config.json + model.safetensors)</source>
        <translation>保存剪枝后的模型（文件夹：config.json + model.safetensors）</translation>
    </message>
    <message>
        <source>Save the model the current structural method makes (fewer heads, neurons or blocks) as a folder that the studio and the command line open like any other model</source>
        <translation>将当前结构化方法生成的模型（更少的头、神经元或块）保存为一个文件夹，工作室和命令行可以像打开其他模型一样打开它</translation>
    </message>
    <message>
        <source>Pruning with %1…</source>
        <translation>正在使用 %1 剪枝…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save pruned model</source>
        <translation>保存剪枝后的模型</translation>
    </message>
    <message>
        <source>Could not save the pruned model to %1:

%2</source>
        <translation>无法将剪枝后的模型保存到 %1：

%2</translation>
    </message>
    <message>
        <source>Saving the pruned model was cancelled; %1 was not written</source>
        <translation>已取消保存剪枝后的模型；未写入 %1</translation>
    </message>
    <message>
        <source>Saved the pruned model to %1 (%2)</source>
        <translation>已将剪枝后的模型保存到 %1（%2）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Opening the model…</source>
        <translation>正在打开模型…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>正在读取 %1 张校准图像（Fashion-MNIST 训练集）…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>%1 GMACs, %2 parameters</source>
        <translation>%1 GMACs，%2 个参数</translation>
    </message>
    <message>
        <source>Saving the pruned model to %1…</source>
        <translation>正在将剪枝后的模型保存到 %1…</translation>
    </message>
    <message>
        <source>Open method &amp;parts…</source>
        <translation>打开方法组件(&amp;P)…</translation>
    </message>
    <message>
        <source>Open method parts</source>
        <translation>打开方法组件</translation>
    </message>
    <message>
        <source>Method parts (*.safetensors);;All files (*)</source>
        <translation>方法组件 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open method parts</source>
        <translation>无法打开方法组件</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Train method parts…</source>
        <translation>训练方法组件(&amp;T)…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>--device %1: this build has no such device (%2)</source>
        <translation>--device %1：此构建没有该设备（%2）</translation>
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
        <translation>每张图像的 ms</translation>
    </message>
    <message>
        <source>images / s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <source>x axis: GMACs (the papers&apos; convention) or cost measured on this machine</source>
        <translation>x 轴：GMACs（论文中的惯例）或在本机上实测的开销</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Stop timing</source>
        <translation>停止计时</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x 轴：</translation>
    </message>
    <message>
        <source>timing %1/%2: %3</source>
        <translation>计时 %1/%2：%3</translation>
    </message>
    <message>
        <source>timing failed: %1</source>
        <translation>计时失败：%1</translation>
    </message>
    <message>
        <source>timing stopped</source>
        <translation>计时已停止</translation>
    </message>
    <message>
        <source>batch %1, %2 threads, %3</source>
        <translation>批大小 %1，%2 个线程，%3</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>每张图像的 GMACs</translation>
    </message>
    <message>
        <source>measured ms per image (%1)</source>
        <translation>每张图像的实测 ms（%1）</translation>
    </message>
    <message>
        <source>measured images / s (%1)</source>
        <translation>实测 图像/秒（%1）</translation>
    </message>
    <message>
        <source>latency cache not saved: %1</source>
        <translation>延迟缓存未保存：%1</translation>
    </message>
    <message>
        <source>Threads: </source>
        <translation>线程数：</translation>
    </message>
</context>
<context>
    <name>vp::Methods</name>
    <message>
        <source>Dense (no pruning)</source>
        <translation>稠密模型（不剪枝）</translation>
    </message>
    <message>
        <source>The unpruned model: every patch goes through every block.</source>
        <translation>未剪枝的模型：每个图像块都经过每个块。</translation>
    </message>
    <message>
        <source>Random keep</source>
        <translation>随机保留</translation>
    </message>
    <message>
        <source>Keeps a random subset of the patch tokens after attention at the chosen blocks.</source>
        <translation>在所选块的注意力之后随机保留一部分图像块词元。</translation>
    </message>
    <message>
        <source>Keep ratio</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>Fraction of the current patch tokens kept at each pruning block.</source>
        <translation>每个剪枝块中保留的当前图像块词元的比例。</translation>
    </message>
    <message>
        <source>Pruning blocks</source>
        <translation>剪枝块</translation>
    </message>
    <message>
        <source>0-based blocks after whose attention tokens are dropped.</source>
        <translation>在其注意力之后丢弃词元的块（从 0 开始编号）。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Random seed (per forward).</source>
        <translation>随机种子（每次前向传播）。</translation>
    </message>
    <message>
        <source>Attention top-k (no fusion)</source>
        <translation>注意力 top-k（不融合）</translation>
    </message>
    <message>
        <source>Keeps the patches the CLS token attends to most and drops the rest.</source>
        <translation>保留 CLS 词元关注最多的图像块，丢弃其余图像块。</translation>
    </message>
    <message>
        <source>EViT</source>
        <translation>EViT</translation>
    </message>
    <message>
        <source>Keep rate</source>
        <translation>保留率</translation>
    </message>
    <message>
        <source>Fraction of the current non-CLS tokens kept at each pruning block (EViT&apos;s keep_rate).</source>
        <translation>每个剪枝块中保留的当前非 CLS 词元的比例（EViT 的 keep_rate）。</translation>
    </message>
    <message>
        <source>0-based blocks after whose attention tokens are reorganised.</source>
        <translation>在其注意力之后重组词元的块（从 0 开始编号）。</translation>
    </message>
    <message>
        <source>Fuse inattentive tokens</source>
        <translation>融合低关注度词元</translation>
    </message>
    <message>
        <source>Fold the dropped tokens into one attention-weighted token (EViT) or drop them.</source>
        <translation>将被丢弃的词元合并为一个按注意力加权的词元（EViT），或直接丢弃。</translation>
    </message>
    <message>
        <source>ToMe (token merging)</source>
        <translation>ToMe（词元合并）</translation>
    </message>
    <message>
        <source>Merges the r most similar token pairs in every block (bipartite soft matching).</source>
        <translation>在每个块中合并 r 对最相似的词元（二分软匹配）。</translation>
    </message>
    <message>
        <source>Tokens merged per block</source>
        <translation>每块合并的词元数</translation>
    </message>
    <message>
        <source>r: tokens removed by merging in each block (capped at half the tokens, as the reference).</source>
        <translation>r：每个块中通过合并移除的词元数（与参考实现相同，最多为词元数的一半）。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>constant: r in every block; decreasing: ToMe&apos;s (r, inflection) schedule.</source>
        <translation>constant：每个块均为 r；decreasing：ToMe 的 (r, 拐点) 调度。</translation>
    </message>
    <message>
        <source>Inflection</source>
        <translation>拐点</translation>
    </message>
    <message>
        <source>ToMe&apos;s inflection for the decreasing schedule (-0.5: start at 1.5r, end at 0.5r).</source>
        <translation>递减调度中 ToMe 的拐点（-0.5：从 1.5r 开始，到 0.5r 结束）。</translation>
    </message>
    <message>
        <source>Proportional attention</source>
        <translation>比例注意力</translation>
    </message>
    <message>
        <source>Add log(token size) to the attention logits of the keys.</source>
        <translation>将 log(词元大小) 加到键的注意力 logits 上。</translation>
    </message>
    <message>
        <source>Evo-ViT</source>
        <translation>Evo-ViT</translation>
    </message>
    <message>
        <source>Sorts patches by a global class-attention score in two stages; the informative ones go through the blocks, the others are placeholders that skip them and re-join later.</source>
        <translation>分两个阶段按全局类注意力分数对图像块排序；信息丰富的图像块经过各块，其余的作为占位符跳过这些块，之后再重新加入。</translation>
    </message>
    <message>
        <source>Fraction of the patches that are informative in each stage: int(P * keep) (98 of 196).</source>
        <translation>每个阶段中信息丰富的图像块比例：int(P * keep)（196 个中的 98 个）。</translation>
    </message>
    <message>
        <source>Start block</source>
        <translation>起始块</translation>
    </message>
    <message>
        <source>First block of the first stage; the blocks from here on form two stages of equal length.</source>
        <translation>第一阶段的第一个块；从此块起的各块组成长度相等的两个阶段。</translation>
    </message>
    <message>
        <source>Score tradeoff</source>
        <translation>分数权衡</translation>
    </message>
    <message>
        <source>g &lt;- (1 - alpha) g + alpha * CLS attention, for the informative tokens from the start block.</source>
        <translation>g &lt;- (1 - alpha) g + alpha * CLS 注意力，用于从起始块开始的信息丰富的词元。</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>分类头</translation>
    </message>
    <message>
        <source>mean: head(norm(mean of patch tokens)), the reference&apos;s head (Evo-ViT checkpoints); cls: the checkpoint&apos;s own head (CLS token for DeiT); auto: mean for Evo-ViT checkpoints, cls otherwise.</source>
        <translation>mean：head(norm(图像块词元的均值))，即参考实现的分类头（Evo-ViT 检查点）；cls：检查点自身的分类头（DeiT 为 CLS 词元）；auto：Evo-ViT 检查点用 mean，其他用 cls。</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>占位符</translation>
    </message>
    <message>
        <source>code: authors&apos; code, placeholders frozen; paper: paper&apos;s description (approximation), a representative token carries the blocks&apos; update to the placeholders.</source>
        <translation>code：作者代码，占位符冻结；paper：论文中的描述（近似），由一个代表词元将各块的更新传递给占位符。</translation>
    </message>
    <message>
        <source>LTP (fixed thresholds)</source>
        <translation>LTP（固定阈值）</translation>
    </message>
    <message>
        <source>Drops tokens that receive little attention (below theta_l / N, thresholds rising linearly over the blocks); the count varies per image. The authors evaluate on BERT only: applying it to ViTs is this app&apos;s adaptation.</source>
        <translation>丢弃获得注意力较少的词元（低于 theta_l / N，阈值随块线性上升）；丢弃数量因图像而异。作者仅在 BERT 上评估：将其用于 ViT 是本应用的改编。</translation>
    </message>
    <message>
        <source>Final threshold</source>
        <translation>最终阈值</translation>
    </message>
    <message>
        <source>theta_final, relative to the uniform score 1/N: after block l a token is pruned when the attention it receives is below theta_final * (l+1)/L / N. 0 = dense; larger prunes more.</source>
        <translation>theta_final，相对于均匀分数 1/N：在块 l 之后，若词元获得的注意力低于 theta_final * (l+1)/L / N，则被剪枝。0 = 稠密模型；值越大剪枝越多。</translation>
    </message>
    <message>
        <source>Patch Slimming (training-free approximation)</source>
        <translation>Patch Slimming（免训练近似）</translation>
    </message>
    <message>
        <source>Static nested patch masks decided top-down from the attention of a calibration set (the same patches for every image). Training-free approximation: the paper fine-tunes the model.</source>
        <translation>由校准集的注意力自上而下确定的静态嵌套图像块掩码（所有图像使用相同的图像块）。免训练近似：论文中会对模型进行微调。</translation>
    </message>
    <message>
        <source>Last-block keep ratio</source>
        <translation>最后一块的保留比例</translation>
    </message>
    <message>
        <source>Fraction of the patches the last block keeps; earlier blocks keep linearly more.</source>
        <translation>最后一个块保留的图像块比例；更早的块按线性关系保留更多。</translation>
    </message>
    <message>
        <source>Block where the linear schedule starts at 100%; later blocks keep fewer patches.</source>
        <translation>线性调度从 100% 开始的块；之后的块保留更少的图像块。</translation>
    </message>
    <message>
        <source>Calibration images</source>
        <translation>校准图像</translation>
    </message>
    <message>
        <source>Images whose averaged attention decides the masks.</source>
        <translation>其平均注意力用于确定掩码的图像。</translation>
    </message>
    <message>
        <source>Per-block keep ratios</source>
        <translation>逐块保留比例</translation>
    </message>
    <message>
        <source>One keep ratio per block (1 = no pruning there), comma-separated; replaces the keep ratio and the pruning blocks when set. Empty: not used.</source>
        <translation>每块一个保留比例（1 = 该块不剪枝），以逗号分隔；设置后取代保留比例和剪枝块。留空则不使用。</translation>
    </message>
    <message>
        <source>Per-block keep rates</source>
        <translation>逐块保留率</translation>
    </message>
    <message>
        <source>One keep rate per block (1 = no pruning there), comma-separated; replaces keep and the pruning blocks when set. Empty: not used.</source>
        <translation>每块一个保留率（1 = 该块不剪枝），以逗号分隔；设置后取代 keep 和剪枝块。留空则不使用。</translation>
    </message>
    <message>
        <source>Per-block r</source>
        <translation>逐块 r</translation>
    </message>
    <message>
        <source>One r per block (tokens merged there), comma-separated; replaces r and the schedule when set. Empty: not used.</source>
        <translation>每块一个 r（该块合并的词元数），以逗号分隔；设置后取代 r 和调度。留空则不使用。</translation>
    </message>
    <message>
        <source>Eventful Transformer</source>
        <translation>Eventful Transformer（视频）</translation>
    </message>
    <message>
        <source>Video: recomputes only the tokens that changed since the previous frame; the first frame is dense, so a single image shows the dense model.</source>
        <translation>视频：仅重新计算自上一帧以来发生变化的词元；第一帧按稠密方式计算，因此单张图像显示的是稠密模型的结果。</translation>
    </message>
    <message>
        <source>Gate policy</source>
        <translation>门控策略</translation>
    </message>
    <message>
        <source>top-r: the r tokens with the largest change at each gate; threshold: every token whose change (L2 norm) exceeds the threshold.</source>
        <translation>top-r：每个门控处变化最大的 r 个词元；threshold：变化量（L2 范数）超过阈值的所有词元。</translation>
    </message>
    <message>
        <source>Tokens recomputed per gate</source>
        <translation>每个门控重新计算的词元数</translation>
    </message>
    <message>
        <source>r for the top-r policy, CLS included; r at or above the token count recomputes every token.</source>
        <translation>top-r 策略的 r，包括 CLS；r 大于或等于词元数时会重新计算所有词元。</translation>
    </message>
    <message>
        <source>Change threshold</source>
        <translation>变化阈值</translation>
    </message>
    <message>
        <source>For the threshold policy: a token is recomputed when the L2 norm of its change since it was last computed exceeds this.</source>
        <translation>用于 threshold 策略：当词元自上次计算以来的变化量的 L2 范数超过此值时，重新计算该词元。</translation>
    </message>
    <message>
        <source>Attention update</source>
        <translation>注意力更新</translation>
    </message>
    <message>
        <source>delta: sparse query-key and delta attention-value updates (the paper&apos;s full method, which keeps old attention weights of unpicked tokens); delta-exact: the same with the softmax renormalised (ours: exact for unchanged tokens, about 1.25x the delta&apos;s attention cost); sparse-qk: only the query-key product is updated sparsely; dense: both products in full.</source>
        <translation>delta：稀疏的查询-键更新和增量式的注意力-值更新（论文中的完整方法，会保留未选中词元的旧注意力权重）；delta-exact：同上，但对 softmax 重新归一化（本程序的做法：对未变化的词元是精确的，注意力开销为 delta 的约 1.25x）；sparse-qk：仅稀疏地更新查询-键乘积；dense：两个乘积都完整计算。</translation>
    </message>
    <message>
        <source>Always recompute CLS</source>
        <translation>始终重新计算 CLS</translation>
    </message>
    <message>
        <source>Recompute the CLS token at every gate (not in the paper, whose gates treat it like any token; one token per gate).</source>
        <translation>在每个门控处重新计算 CLS 词元（论文中没有此项，论文中的门控将其视同普通词元；每个门控一个词元）。</translation>
    </message>
    <message>
        <source>Keeps the patches the CLS token attends to most; fuses the rest into one token (drops them when fusion is off).</source>
        <translation>保留 CLS 词元关注最多的图像块；将其余图像块融合为一个词元（关闭融合时则丢弃它们）。</translation>
    </message>
    <message>
        <source>Attention-layer removal</source>
        <translation>注意力层移除</translation>
    </message>
    <message>
        <source>Removes the attention sub-blocks whose output has the lowest entropy on calibration images; a removed sub-block computes x = 2x and its MLP still runs. No dilution training.</source>
        <translation>移除在校准图像上输出熵最低的注意力子块；被移除的子块计算 x = 2x，其 MLP 仍照常运行。不进行稀释训练。</translation>
    </message>
    <message>
        <source>Attention layers removed</source>
        <translation>移除的注意力层数</translation>
    </message>
    <message>
        <source>How many attention sub-blocks to remove, lowest output entropy first.</source>
        <translation>要移除的注意力子块数量，按输出熵从低到高依次移除。</translation>
    </message>
    <message>
        <source>Removed layers</source>
        <translation>移除的层</translation>
    </message>
    <message>
        <source>0-based blocks whose attention is removed, comma-separated; replaces the count and the ranking when set. Empty: not used.</source>
        <translation>移除其注意力的块（从 0 开始编号），以逗号分隔；设置后取代数量和排序。留空则不使用。</translation>
    </message>
    <message>
        <source>Images whose attention outputs rank the layers by entropy.</source>
        <translation>用其注意力输出的熵对各层排序的图像。</translation>
    </message>
    <message>
        <source>NViT (global Hessian-aware pruning)</source>
        <translation>NViT（全局海森感知剪枝）</translation>
    </message>
    <message>
        <source>Removes heads, query/key and value dims and MLP neurons ranked globally by squared Taylor importance on calibration images, until the GMACs budget is met. One shot, no fine-tuning.</source>
        <translation>按校准图像上的平方泰勒重要性对注意力头、查询/键维度、值维度和 MLP 神经元进行全局排序并移除，直到满足 GMACs 预算。一次性剪枝，不进行微调。</translation>
    </message>
    <message>
        <source>Prune embedding dims</source>
        <translation>剪枝嵌入维度</translation>
    </message>
    <message>
        <source>Also rank the embedding dims (shared by every block). The normalisation statistics then change, so without fine-tuning accuracy drops more.</source>
        <translation>同时对嵌入维度（所有块共享）进行排序。这会改变归一化统计量，因此不微调时精度下降更多。</translation>
    </message>
    <message>
        <source>GMACs budget</source>
        <translation>GMACs 预算</translation>
    </message>
    <message>
        <source>Fraction of the model&apos;s dense GMACs the pruned model may cost; the least important units are removed across all blocks until it does.</source>
        <translation>剪枝后模型允许消耗的 GMACs 占稠密模型 GMACs 的比例；在所有块中移除最不重要的单元，直到满足该比例。</translation>
    </message>
    <message>
        <source>Images whose gradients rank the units.</source>
        <translation>用其梯度对单元排序的图像。</translation>
    </message>
    <message>
        <source>S²ViTE (structured heads and neurons)</source>
        <translation>S²ViTE（注意力头与神经元的结构化剪枝）</translation>
    </message>
    <message>
        <source>Removes whole attention heads and MLP neurons with the lowest first-order Taylor importance, ranked across blocks. One shot: the paper&apos;s prune-and-grow training is not run.</source>
        <translation>移除一阶泰勒重要性最低的整个注意力头和 MLP 神经元，跨块排序。一次性剪枝：不执行论文中的“剪枝-生长”训练。</translation>
    </message>
    <message>
        <source>hMHSA + cFFN</source>
        <translation>hMHSA + cFFN</translation>
    </message>
    <message>
        <source>Computes only some heads&apos; attention maps and mixes the others from them (least squares on calibration images), and factorises each MLP&apos;s output projection by truncated SVD. Training-free approximation of the paper&apos;s trained blocks.</source>
        <translation>只计算部分注意力头的注意力图，其余头的图由它们混合得到（在校准图像上用最小二乘拟合），并用截断 SVD 分解每个 MLP 的输出投影。无需训练，近似论文中经过训练的块。</translation>
    </message>
    <message>
        <source>cFFN rank (share of D)</source>
        <translation>cFFN 秩（D 的比例）</translation>
    </message>
    <message>
        <source>Rank of each factorised MLP output projection as a share t of the embedding dim D (the paper: 2/3). 1 keeps full rank (exact, but costlier than one matrix).</source>
        <translation>每个分解后的 MLP 输出投影的秩，以嵌入维度 D 的比例 t 表示（论文：2/3）。1 保持满秩（精确，但比单个矩阵开销更大）。</translation>
    </message>
    <message>
        <source>Hallucinated heads (share)</source>
        <translation>幻化头（比例）</translation>
    </message>
    <message>
        <source>Share of all heads whose attention map is mixed from the computed maps instead of computed, spread over the blocks, best-fitted maps first (the paper: half of every block&apos;s).</source>
        <translation>所有注意力头中，其注意力图不直接计算、而由已计算的图混合得到的比例；分布在各块中，拟合最好的图优先（论文：每块的一半）。</translation>
    </message>
    <message>
        <source>Images the hallucinated maps are fitted on.</source>
        <translation>用于拟合幻化注意力图的图像。</translation>
    </message>
    <message>
        <source>Search steps</source>
        <translation>搜索步数</translation>
    </message>
    <message>
        <source>Adam steps of the mask search over the calibration images (weights frozen); more steps separate important from unimportant units more clearly.</source>
        <translation>在校准图像上进行掩码搜索的 Adam 步数（权重冻结）；步数越多，重要与不重要单元区分得越清楚。</translation>
    </message>
    <message>
        <source>Mask sparsity weight</source>
        <translation>掩码稀疏权重</translation>
    </message>
    <message>
        <source>Weight of the L1 penalty on the masks against the distillation loss during the search.</source>
        <translation>搜索期间掩码 L1 惩罚相对于蒸馏损失的权重。</translation>
    </message>
    <message>
        <source>ViT-Slim (soft-mask search)</source>
        <translation>ViT-Slim（软掩码搜索）</translation>
    </message>
    <message>
        <source>Learns a soft mask on every head dim and MLP neuron (weights frozen, L1 sparsity, distilling the unpruned model on calibration images), then removes the smallest masks across all blocks until the GMACs budget is met.</source>
        <translation>为每个头维度和 MLP 神经元学习软掩码（权重冻结、L1 稀疏、在校准图像上蒸馏未剪枝模型），然后在所有块中移除最小的掩码，直到满足 GMACs 预算。</translation>
    </message>
    <message>
        <source>Search embedding dims</source>
        <translation>搜索嵌入维度</translation>
    </message>
    <message>
        <source>Also mask and prune the embedding dims (shared by every block).</source>
        <translation>同时对嵌入维度（所有块共享）加掩码并剪枝。</translation>
    </message>
    <message>
        <source>VTP (dimension pruning with gates)</source>
        <translation>VTP（带门控的维度剪枝）</translation>
    </message>
    <message>
        <source>Removes attention and MLP feature dims whose gate falls under one global threshold. Gates are learned on calibration images (weights frozen), or replaced by each dim&apos;s weight norm.</source>
        <translation>移除门控值低于同一全局阈值的注意力和 MLP 特征维度。门控在校准图像上学习（权重冻结），或用每个维度的权重范数代替。</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门控</translation>
    </message>
    <message>
        <source>learned: L1-penalised gates learned on the calibration images; weight-norm: the untrained stand-in, each dim&apos;s weight magnitude.</source>
        <translation>learned：在校准图像上学习的带 L1 惩罚的门控；weight-norm：无需训练的替代，即每个维度的权重大小。</translation>
    </message>
    <message>
        <source>WDPruning (width and depth)</source>
        <translation>WDPruning（宽度与深度）</translation>
    </message>
    <message>
        <source>Cuts the model after the shallowest block whose linear probe agrees with the full model often enough, then removes heads and MLP neurons by Taylor importance until the GMACs budget is met.</source>
        <translation>在线性探针与完整模型足够一致的最浅块之后截断模型，然后按泰勒重要性移除注意力头和 MLP 神经元，直到满足 GMACs 预算。</translation>
    </message>
    <message>
        <source>Exit after block</source>
        <translation>在此块后退出</translation>
    </message>
    <message>
        <source>Number of blocks kept (the probe after the last one becomes the head). 0: the shallowest block whose probe reaches the agreement.</source>
        <translation>保留的块数（最后一块之后的探针成为分类头）。0：探针达到一致率的最浅块。</translation>
    </message>
    <message>
        <source>Probe agreement</source>
        <translation>探针一致率</translation>
    </message>
    <message>
        <source>With exit 0: the share of calibration images on which a block&apos;s probe must predict what the full model predicts.</source>
        <translation>当退出为 0 时：块的探针必须与完整模型预测一致的校准图像比例。</translation>
    </message>
    <message>
        <source>SPViT (attention to convolution)</source>
        <translation>SPViT（注意力转卷积）</translation>
    </message>
    <message>
        <source>Turns attention layers into weight-shared 3x3 or 1x1 convolutions, or skips them, choosing per layer the least harmful option until the GMACs budget is met. Untrained approximation: convolutions come from the value projections, fitted on calibration images.</source>
        <translation>将注意力层变为共享权重的 3x3 或 1x1 卷积，或跳过它们，逐层选择危害最小的选项，直到满足 GMACs 预算。未训练的近似：卷积来自值投影，并在校准图像上拟合。</translation>
    </message>
    <message>
        <source>Fraction of the model&apos;s dense GMACs the pruned model may cost; below what skipping every attention layer costs, every layer is skipped.</source>
        <translation>剪枝后模型可花费的稠密 GMACs 比例；低于跳过所有注意力层的开销时，所有层都被跳过。</translation>
    </message>
    <message>
        <source>3x3 conv layers</source>
        <translation>3x3 卷积层</translation>
    </message>
    <message>
        <source>0-based blocks whose attention becomes a 3x3 convolution; with conv1 and skip it replaces the budget search when any is set.</source>
        <translation>注意力变为 3x3 卷积的块（从 0 开始）；与 conv1 和 skip 一起，只要设置了任何一个就取代预算搜索。</translation>
    </message>
    <message>
        <source>1x1 conv layers</source>
        <translation>1x1 卷积层</translation>
    </message>
    <message>
        <source>0-based blocks whose attention becomes a 1x1 convolution.</source>
        <translation>注意力变为 1x1 卷积的块（从 0 开始）。</translation>
    </message>
    <message>
        <source>Skipped layers</source>
        <translation>跳过的层</translation>
    </message>
    <message>
        <source>0-based blocks whose attention is skipped (x = x).</source>
        <translation>跳过注意力的块（从 0 开始，x = x）。</translation>
    </message>
    <message>
        <source>Images that fit the convolutions to the attention outputs and measure each choice&apos;s harm.</source>
        <translation>用于将卷积拟合到注意力输出并衡量每种选择危害的图像。</translation>
    </message>
    <message>
        <source>DynamicViT</source>
        <translation>DynamicViT</translation>
    </message>
    <message>
        <source>Learned prediction modules score the patches before the pruning blocks; stage k keeps ratio^k of the original patches with the highest scores.</source>
        <translation>学习得到的预测模块在剪枝块之前为图像块打分；第 k 阶段保留原始图像块中得分最高的 ratio^k 比例。</translation>
    </message>
    <message>
        <source>rho: stage k (k = 1, 2, 3) keeps int(P * rho^k) of the P original patches. Training targets this ratio too.</source>
        <translation>rho：第 k 阶段（k = 1, 2, 3）保留 P 个原始图像块中的 int(P * rho^k) 个。训练也以此比例为目标。</translation>
    </message>
    <message>
        <source>0-based blocks before which a prediction module prunes (DeiT: 3,6,9; LV-ViT-S: 4,8,12; LV-ViT-M: 5,10,15); one trained module per block.</source>
        <translation>由预测模块在其之前进行剪枝的块（从 0 开始编号；DeiT：3,6,9；LV-ViT-S：4,8,12；LV-ViT-M：5,10,15）；每块一个训练好的模块。</translation>
    </message>
    <message>
        <source>score predictors</source>
        <translation>分数预测器</translation>
    </message>
    <message>
        <source>IA-RED²</source>
        <translation>IA-RED²</translation>
    </message>
    <message>
        <source>Learned interpreters before each group of blocks keep the patches whose keep probability reaches the threshold; trained with REINFORCE. No official code is public: this follows the paper.</source>
        <translation>每组块之前的学习型解释器保留保留概率达到阈值的图像块；使用 REINFORCE 训练。官方代码未公开：此实现依据论文。</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>决策阈值</translation>
    </message>
    <message>
        <source>A patch goes on to the next group when its interpreter&apos;s keep probability is at least this (0 = dense; the paper uses 0.5).</source>
        <translation>当图像块的解释器给出的保留概率不低于此值时，该图像块进入下一组（0 = 稠密模型；论文使用 0.5）。</translation>
    </message>
    <message>
        <source>Cost weight (training)</source>
        <translation>开销权重（训练）</translation>
    </message>
    <message>
        <source>Training only: the reward is 1 for a correct prediction minus this times the fraction of patches kept; larger learns to keep fewer.</source>
        <translation>仅用于训练：奖励为预测正确时的 1 减去此值乘以保留图像块的比例；值越大，学到保留的图像块越少。</translation>
    </message>
    <message>
        <source>interpreters</source>
        <translation>解释器</translation>
    </message>
    <message>
        <source>LTP (learned thresholds)</source>
        <translation>LTP（学习阈值）</translation>
    </message>
    <message>
        <source>Drops tokens that receive less attention than a threshold learned per block (LTP&apos;s soft-mask training); the count varies per image. The authors evaluate on BERT only: applying it to ViTs is this app&apos;s adaptation.</source>
        <translation>丢弃获得的注意力低于逐块学习的阈值的词元（LTP 的软掩码训练）；丢弃数量因图像而异。作者仅在 BERT 上评估：将其用于 ViT 是本应用的改编。</translation>
    </message>
    <message>
        <source>Threshold scale</source>
        <translation>阈值缩放</translation>
    </message>
    <message>
        <source>Multiplies every learned threshold: 1 = as trained, 0 = dense, larger prunes more.</source>
        <translation>与每个学习得到的阈值相乘：1 = 与训练结果相同，0 = 稠密模型；值越大剪枝越多。</translation>
    </message>
    <message>
        <source>Per-block thresholds</source>
        <translation>逐块阈值</translation>
    </message>
    <message>
        <source>One threshold per block, relative to the uniform score 1/N, comma-separated; replaces the learned ones when set. Empty: the learned thresholds times the scale.</source>
        <translation>每块一个阈值（相对于均匀分数 1/N），以逗号分隔；设置后取代学习得到的阈值。留空则使用学习得到的阈值乘以缩放系数。</translation>
    </message>
    <message>
        <source>Keep-ratio weight (training)</source>
        <translation>保留比例权重（训练）</translation>
    </message>
    <message>
        <source>Training only: weight of the mean soft mask in the loss; larger learns higher thresholds.</source>
        <translation>仅用于训练：平均软掩码在损失中的权重；值越大，学到的阈值越高。</translation>
    </message>
    <message>
        <source>thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>A-ViT</source>
        <translation>A-ViT</translation>
    </message>
    <message>
        <source>Each token halts when the halting scores read from its first channel add up to 1; the prediction is the class token&apos;s halting-weighted output. The backbone is tuned with a ponder loss and a depth prior.</source>
        <translation>当从第一个通道读出的停止分数累加达到 1 时，该词元停止计算；预测结果为 CLS 词元按停止分数加权的输出。主干网络通过 ponder 损失和深度先验进行微调。</translation>
    </message>
    <message>
        <source>Gate centre shift</source>
        <translation>门控中心偏移</translation>
    </message>
    <message>
        <source>Added to the trained gate centre at inference: positive makes tokens halt later (more compute), negative earlier.</source>
        <translation>推理时加到训练得到的门控中心上：正值使词元更晚停止（计算量更多），负值使其更早停止。</translation>
    </message>
    <message>
        <source>Gate scale (training)</source>
        <translation>门控缩放（训练）</translation>
    </message>
    <message>
        <source>Training only: gamma in h = sigmoid(gamma * x0 - beta), kept in the parts.</source>
        <translation>仅用于训练：h = sigmoid(gamma * x0 - beta) 中的 gamma，保存在方法组件中。</translation>
    </message>
    <message>
        <source>Gate centre (training)</source>
        <translation>门控中心（训练）</translation>
    </message>
    <message>
        <source>Training only: beta in h = sigmoid(gamma * x0 - beta), kept in the parts.</source>
        <translation>仅用于训练：h = sigmoid(gamma * x0 - beta) 中的 beta，保存在方法组件中。</translation>
    </message>
    <message>
        <source>Ponder loss weight (training)</source>
        <translation>ponder 损失权重（训练）</translation>
    </message>
    <message>
        <source>Training only: weight of the mean token depth; larger halts earlier.</source>
        <translation>仅用于训练：平均词元深度的权重；值越大，词元停止得越早。</translation>
    </message>
    <message>
        <source>Depth prior weight (training)</source>
        <translation>深度先验权重（训练）</translation>
    </message>
    <message>
        <source>Training only: weight of the KL between where tokens halt and a Gaussian around two thirds of the depth.</source>
        <translation>仅用于训练：词元停止位置的分布与以约三分之二深度为中心的高斯分布之间的 KL 散度的权重。</translation>
    </message>
    <message>
        <source>halting gates and tuned backbone</source>
        <translation>停止门控和微调后的主干网络</translation>
    </message>
    <message>
        <source>S-ViTE</source>
        <translation>S-ViTE</translation>
    </message>
    <message>
        <source>A learned token selector keeps the top-k patches before block 0; optional unstructured magnitude sparsity of the linear weights, whose GMACs count the non-zeros while the measured time stays dense.</source>
        <translation>学习得到的词元选择器在块 0 之前保留 top-k 个图像块；可选对线性层权重按大小进行非结构化稀疏，其 GMACs 只计非零权重，而实测时间仍与稠密模型相同。</translation>
    </message>
    <message>
        <source>Patches kept (top-k)</source>
        <translation>保留的图像块（top-k）</translation>
    </message>
    <message>
        <source>Share of the patches the selector keeps before block 0 (1 = dense).</source>
        <translation>选择器在块 0 之前保留的图像块比例（1 = 稠密模型）。</translation>
    </message>
    <message>
        <source>Weight sparsity</source>
        <translation>权重稀疏度</translation>
    </message>
    <message>
        <source>Share of every block&apos;s linear weights zeroed by magnitude (one-shot). GMACs count the non-zeros; dense kernels still multiply the zeros, so the measured time does not drop.</source>
        <translation>每个块的线性层权重中按大小置零的比例（一次性）。GMACs 只计非零权重；稠密内核仍会乘以这些零，因此实测时间不会下降。</translation>
    </message>
    <message>
        <source>Gumbel temperature (training)</source>
        <translation>Gumbel 温度（训练）</translation>
    </message>
    <message>
        <source>Training only: temperature of the Gumbel top-k sampling.</source>
        <translation>仅用于训练：Gumbel top-k 采样的温度。</translation>
    </message>
    <message>
        <source>token selector</source>
        <translation>词元选择器</translation>
    </message>
</context>
<context>
    <name>vp::OverlayGridFigure</name>
    <message>
        <source>block %1</source>
        <translation>第 %1 块</translation>
    </message>
</context>
<context>
    <name>vp::ParetoPanel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Measure every chosen method&apos;s settings on the dataset (cached points are reused)</source>
        <translation>在数据集上测量所选方法的每个设置（复用已缓存的点）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 — %n finished point(s) kept; Run resumes.</source>
        <translation>
            <numerusform>已取消：%1 — 保留了 %n 个已完成的点；点击“运行”可继续。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %1 — %n point(s).</source>
        <translation>
            <numerusform>完成：%1 — %n 个点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>%1 on %2, %3 images</source>
        <translation>%1，%2，图像数：%3</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Choose at least one method to sweep.</source>
        <translation>请至少选择一种要扫描的方法。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n cached point(s).</source>
        <translation>
            <numerusform>%1 — 已缓存 %n 个点。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — not swept yet; Run measures it.</source>
        <translation>%1 — 尚未扫描；点击“运行”进行测量。</translation>
    </message>
    <message>
        <source>Ignored unreadable cache (measured again on Run): %1</source>
        <translation>已忽略无法读取的缓存（点击“运行”时将重新测量）：%1</translation>
    </message>
    <message>
        <source>Loading model and planning settings…</source>
        <translation>正在加载模型并规划设置…</translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation>正在扫描 %1…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>将在当前批次完成后取消…</translation>
    </message>
    <message>
        <source>%1/%2 points</source>
        <translation>%1/%2 个点</translation>
    </message>
    <message>
        <source>%1 — point %2/%3, %4/%5 images</source>
        <translation>%1 — 点 %2/%3，图像 %4/%5</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1: wait for the running sweep to finish or cancel it</source>
        <translation>%1：请等待正在运行的扫描完成或将其取消</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3, %4 images — %n point(s).</source>
        <translation>
            <numerusform>%1：%2，%3，图像数：%4 — %n 个点。</numerusform>
        </translation>
    </message>
    <message>
        <source>No points yet: choose a dataset and methods, then Run. Each point is one setting evaluated on the dataset; cached points appear at once.</source>
        <translation>尚无数据点：请选择数据集和方法，然后点击“运行”。每个点是在数据集上评估的一个设置；已缓存的点会立即显示。</translation>
    </message>
    <message>
        <source>Nothing to time yet: Run a sweep (or open a sweep file) first; the latency axis then times each of its points on this machine.</source>
        <translation>尚无可计时的内容：请先运行扫描（或打开扫描文件）；之后延迟轴会在本机上对其中每个点计时。</translation>
    </message>
    <message>
        <source> — about %1 s left</source>
        <translation> — 剩余约 %1 秒</translation>
    </message>
    <message>
        <source> — about %1 min left</source>
        <translation> — 剩余约 %1 分钟</translation>
    </message>
</context>
<context>
    <name>vp::ParetoPlot</name>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>top-1 准确率 (%)</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>%1 %2, accuracy %3%</source>
        <translation>%1 %2，准确率 %3%</translation>
    </message>
    <message>
        <source>Click to load this setting</source>
        <translation>单击以加载此设置</translation>
    </message>
</context>
<context>
    <name>vp::PatchOverlayView</name>
    <message>
        <source>Patch %1 (row %2, col %3)</source>
        <translation>图像块 %1（第 %2 行，第 %3 列）</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>merged into token %1</source>
        <translation>合并到词元 %1</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>fused into the background token</source>
        <translation>融合到背景词元</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>parked (skips blocks, comes back later)</source>
        <translation>暂存（跳过若干块，之后返回）</translation>
    </message>
    <message>
        <source>Fate: %1</source>
        <translation>去向：%1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <source>Token size: %1</source>
        <translation>词元大小：%1</translation>
    </message>
    <message>
        <source>reused: not recomputed at this block&apos;s first gate (its q, k, v come from an earlier frame)</source>
        <translation>复用：未在该块的第一个门处重新计算（其 q、k、v 来自之前的帧）</translation>
    </message>
    <message>
        <source>Dropped at block %1</source>
        <translation>在第 %1 块丢弃</translation>
    </message>
    <message>
        <source>Dropped later, at block %1</source>
        <translation>稍后在第 %1 块丢弃</translation>
    </message>
</context>
<context>
    <name>vp::PerImageCostDialog</name>
    <message>
        <source>Per-image cost</source>
        <translation>逐图像开销</translation>
    </message>
    <message>
        <source>Runs the current method and settings on every image and records what that image cost. Methods whose token counts depend on the image (LTP) spread over many bins; methods that keep a fixed number of tokens (EViT, ToMe, random, …) cost every image the same and show a single bar.</source>
        <translation>在每张图像上运行当前方法和设置，并记录该图像的开销。词元数随图像变化的方法（LTP）会分布在许多区间中；保留固定词元数的方法（EViT、ToMe、random、…）对每张图像的开销都相同，只显示一个柱形。</translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation>Fashion-MNIST 测试集 (10,000)</translation>
    </message>
    <message>
        <source>Fashion-MNIST train (60,000)</source>
        <translation>Fashion-MNIST 训练集 (60,000)</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation>每个类别各有一个图像子文件夹的文件夹</translation>
    </message>
    <message>
        <source>The first N images of the dataset (fewer when it holds fewer)</source>
        <translation>数据集的前 N 张图像（数据集不足 N 张时取全部）</translation>
    </message>
    <message>
        <source>Histogram bins between the cheapest and the dearest image</source>
        <translation>开销最低与最高的图像之间的直方图区间数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>区间数</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>%v / %m images</source>
        <translation>%v / %m 张图像</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled before the first batch finished.</source>
        <translation>在第一个批次完成前已取消。</translation>
    </message>
    <message>
        <source>Cancelled: showing the first %1 images.</source>
        <translation>已取消：显示前 %1 张图像。</translation>
    </message>
    <message>
        <source>Measured %1 images in %2 s.</source>
        <translation>已测量 %1 张图像，用时 %2 秒。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt; — dense %3 GMACs per image</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; 上的 &lt;b&gt;%1&lt;/b&gt; — 稠密模型每张图像 %3 GMACs</translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation>数据集文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>将在当前批次完成后取消…</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%2 上的 %1，%3</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>每张图像的 GMACs</translation>
    </message>
    <message>
        <source>%1 ± %2 (%3% of dense %4) · min %5 · p5 %6 · median %7 · p95 %8 · max %9</source>
        <translation>%1 ± %2（稠密模型 %4 的 %3%）· 最小 %5 · p5 %6 · 中位数 %7 · p95 %8 · 最大 %9</translation>
    </message>
    <message>
        <source>Tokens per block</source>
        <translation>每块词元数</translation>
    </message>
    <message>
        <source>%1 ± %2 (mean over the blocks) · min %3 · max %4</source>
        <translation>%1 ± %2（各块的平均值）· 最小 %3 · 最大 %4</translation>
    </message>
    <message>
        <source>Tokens after the last block</source>
        <translation>最后一块之后的词元数</translation>
    </message>
    <message>
        <source>%1 ± %2 · min %3 · max %4</source>
        <translation>%1 ± %2 · 最小 %3 · 最大 %4</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1 准确率</translation>
    </message>
    <message>
        <source>%1% of %2 images</source>
        <translation>%2 张图像中的 %1%</translation>
    </message>
    <message>
        <source>Every image cost the same (%1 GMACs): %2 keeps a fixed number of tokens per block, so the histogram is a single bar. Methods with per-image token counts, such as LTP, spread over many bins.</source>
        <translation>每张图像的开销都相同（%1 GMACs）：%2 在每个块中保留固定数量的词元，因此直方图只有一个柱形。词元数随图像变化的方法（如 LTP）会分布在许多区间中。</translation>
    </message>
    <message>
        <source>%1: nothing measured yet (press Run first)</source>
        <translation>%1：尚未测量任何内容（请先点击“运行”）</translation>
    </message>
</context>
<context>
    <name>vp::PerImageCostWorker</name>
    <message>
        <source>internal error: the per-image worker must live on its own thread</source>
        <translation>内部错误：逐图像工作器必须运行在自己的线程上</translation>
    </message>
    <message>
        <source>%1 on %2: internal error: %3</source>
        <translation>在 %2 上运行 %1：内部错误：%3</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>在 %2 上运行 %1：%3</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>正在读取 %1 张校准图像（Fashion-MNIST 训练集）…</translation>
    </message>
    <message>
        <source>Measuring %1 images…</source>
        <translation>正在测量 %1 张图像…</translation>
    </message>
</context>
<context>
    <name>vp::ResultPanel</name>
    <message>
        <source>Prediction (top %1)</source>
        <translation>预测（前 %1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pruned&lt;/b&gt;</source>
        <translation>&lt;b&gt;剪枝后&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dense&lt;/b&gt;</source>
        <translation>&lt;b&gt;稠密模型&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>开销</translation>
    </message>
    <message>
        <source>GMACs:</source>
        <translation>GMACs：</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>实测：</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>%1  (%2% of dense %3)</source>
        <translation>%1  （稠密模型 %3 的 %2%）</translation>
    </message>
    <message>
        <source>✔ agrees with dense: %1 (%2% vs %3%)</source>
        <translation>✔ 与稠密模型一致：%1（%2% 对 %3%）</translation>
    </message>
    <message>
        <source>✘ differs from dense: %1 instead of %2</source>
        <translation>✘ 与稠密模型不同：%1 而非 %2</translation>
    </message>
    <message>
        <source>Edit schedule</source>
        <translation>编辑调度</translation>
    </message>
    <message>
        <source>Show the value every block uses and drag a bar to change it; the method then follows this per-block schedule instead of its main knob.</source>
        <translation>显示每个块使用的值，拖动柱形即可修改；此后方法按此逐块调度运行，而不再使用主参数。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Clear the per-block schedule: the main knob and its blocks apply again.</source>
        <translation>清除逐块调度：重新使用主参数及其剪枝块。</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>剪枝后</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>A per-block schedule is set.</source>
        <translation>已设置逐块调度。</translation>
    </message>
    <message>
        <source>Drag a bar to set that block&apos;s value.</source>
        <translation>拖动柱形以设置该块的值。</translation>
    </message>
    <message>
        <source>From the main knob; drag a bar to set a per-block schedule.</source>
        <translation>来自主参数；拖动柱形即可设置逐块调度。</translation>
    </message>
    <message>
        <source>keep ratio</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>r (merged)</source>
        <translation>r（合并数）</translation>
    </message>
    <message>
        <source>timing… (once the settings rest; %1, %2 threads)</source>
        <translation>计时中…（待设置稳定后进行；%1，%2 个线程）</translation>
    </message>
    <message>
        <source>%1 ms per image (median of %2, timed interleaved with dense; %3, %4 threads)</source>
        <translation>每张图像 %1 ms（%2 次的中位数，与稠密模型交替计时；%3，%4 个线程）</translation>
    </message>
    <message>
        <source>GMACs promise %1×</source>
        <translation>按 GMACs 预期 %1×</translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up ≈%2× (noisy: %3–%4×; %5)</source>
        <translation>稠密模型 %1 ms → 加速 ≈%2×（噪声大：%3–%4×；%5）</translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up %2× (range %3–%4×; %5)</source>
        <translation>稠密模型 %1 ms → 加速 %2×（范围 %3–%4×；%5）</translation>
    </message>
    <message>
        <source>Unstructured sparsity: GMACs count the %1% non-zero weights, but dense kernels still multiply the zeros, so the time does not drop.</source>
        <translation>非结构化稀疏：GMACs 只计 %1% 的非零权重，但稠密内核仍会乘以这些零，因此时间不会下降。</translation>
    </message>
</context>
<context>
    <name>vp::SidePanel</name>
    <message>
        <source>Token pruning and merging</source>
        <translation>词元剪枝与合并</translation>
    </message>
    <message>
        <source>Structural pruning</source>
        <translation>结构化剪枝</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>基线方法</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>⚠ random weights — stand-in until fashion-vit-tiny is installed. Predictions are meaningless; pruning and costs are real.</source>
        <translation>⚠ 随机权重——在安装 fashion-vit-tiny 之前的临时替代。预测结果没有意义；剪枝和开销是真实的。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Target cost in GMACs per image: sets the method&apos;s main knob by bisection, so methods compare at equal cost.</source>
        <translation>每张图像的目标开销（GMACs）：通过二分法设置方法的主参数，使各方法在相同开销下比较。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>This method has no main knob to trade cost with.</source>
        <translation>此方法没有可用于权衡开销的主参数。</translation>
    </message>
    <message>
        <source>≤ %1 GMACs (%2% of dense; reachable %3 – %4)</source>
        <translation>≤ %1 GMACs（稠密模型的 %2%；可达范围 %3 – %4）</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters</source>
        <translation>%1 · %2 · %3 个参数</translation>
    </message>
    <message>
        <source>input %1×%2×%2, patch %3 (%4×%5 patches), %6 blocks, dim %7, %8 heads, %9 classes</source>
        <translation>输入 %1×%2×%2，图像块 %3（%4×%5 个图像块），%6 个块，维度 %7，%8 个注意力头，%9 个类别</translation>
    </message>
    <message>
        <source>reported top-1: %1%</source>
        <translation>报告的 top-1：%1%</translation>
    </message>
    <message>
        <source>The per-block schedule (%1) replaces the main knob: clear it (Reset under the chart) to meet a budget.</source>
        <translation>逐块调度（%1）取代了主参数：要满足预算，请清除它（图表下方的“重置”）。</translation>
    </message>
    <message>
        <source>Not available for this model: it needs trained %1. Train them with Model ▸ Train method parts…, open a parts file with File ▸ Open method parts…, or run:
%2</source>
        <translation>此模型不可用：需要训练好的 %1。请通过“模型 ▸ 训练方法组件…”进行训练，通过“文件 ▸ 打开方法组件…”打开组件文件，或运行：
%2</translation>
    </message>
    <message>
        <source>Cannot apply to this model: %1</source>
        <translation>无法应用于此模型：%1</translation>
    </message>
    <message>
        <source>  — needs training</source>
        <translation>  — 需要训练</translation>
    </message>
    <message>
        <source>  — cannot apply</source>
        <translation>  — 不适用</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Where the forwards run, and in which precision. bfloat16 is faster on GPUs and on CPUs with AVX512-BF16; rankings are still taken in float32, but the activations are rounded, so a few images keep other tokens.%1</source>
        <translation>前向计算在哪里运行、使用何种精度。bfloat16 在 GPU 和支持 AVX512-BF16 的 CPU 上更快；排序仍以 float32 进行，但激活值会被舍入，因此少数图像保留的 token 会不同。%1</translation>
    </message>
    <message>
        <source> This build of LibTorch has no GPU support: CPU only.</source>
        <translation> 此 LibTorch 构建不支持 GPU：仅限 CPU。</translation>
    </message>
</context>
<context>
    <name>vp::SingleImagePage</name>
    <message>
        <source>Open an image: File ▸ Open image…, or drop one here.</source>
        <translation>打开图像：文件 ▸ 打开图像…，或将图像拖放到此处。</translation>
    </message>
    <message>
        <source>Show after block:</source>
        <translation>显示此块之后：</translation>
    </message>
    <message>
        <source>Which block&apos;s token fates the overlay shows (0-based, as --layer and the methods&apos; block knobs).</source>
        <translation>叠加图显示哪个块之后的词元去向（从 0 开始编号，与 --layer 及各方法的块参数一致）。</translation>
    </message>
    <message>
        <source>Every block: click one (or use ←/→) to show it above</source>
        <translation>所有块：单击其中一个（或使用 ←/→）在上方显示</translation>
    </message>
    <message>
        <source>▶ Play blocks</source>
        <translation>▶ 逐块播放</translation>
    </message>
    <message>
        <source>Step through the blocks one after another</source>
        <translation>依次逐个显示各块</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>图像块</translation>
    </message>
    <message>
        <source>Each patch&apos;s fate after the block: kept, merged, fused, dropped or parked</source>
        <translation>每个图像块在该块之后的去向：保留、合并、融合、丢弃或暂存</translation>
    </message>
    <message>
        <source>What each surviving token represents: its features after the block on the dense model&apos;s first three principal components (fitted on this image), as red, green and blue, painted over every patch it holds. Similar colours = similar features; a region without inner lines = one token.</source>
        <translation>每个保留下来的词元代表什么：它在该块之后的特征投影到稠密模型的前三个主成分上（基于此图像拟合），分别以红、绿、蓝表示，并涂在它所包含的每个图像块上。颜色相近 = 特征相近；没有内部线条的区域 = 一个词元。</translation>
    </message>
    <message>
        <source>Open an image to see its token map.</source>
        <translation>打开图像以查看其词元图。</translation>
    </message>
    <message>
        <source>R, G, B = the token&apos;s features on the dense model&apos;s principal components 1–3 · one outlined region = one token · hatched = dropped</source>
        <translation>R、G、B = 词元在稠密模型主成分 1–3 上的特征 · 一个描边区域 = 一个词元 · 斜线填充 = 已丢弃</translation>
    </message>
    <message>
        <source>Token map</source>
        <translation>词元图</translation>
    </message>
    <message>
        <source>%1 (%2×%3) — shown as the model sees it: %4×%4 %5</source>
        <translation>%1（%2×%3）— 按模型看到的样子显示：%4×%4 %5</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>block %1 · no result yet</source>
        <translation>第 %1 块 · 尚无结果</translation>
    </message>
    <message>
        <source>No token map: %1</source>
        <translation>无词元图：%1</translation>
    </message>
    <message>
        <source>Computing the token map…</source>
        <translation>正在计算词元图…</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Where the CLS token attends in each block and head, and the attention rollout through the blocks, for the dense model and the method side by side</source>
        <translation>并排显示稠密模型和该方法中 CLS 词元在每个块和每个注意力头中关注的位置，以及跨块的注意力展开</translation>
    </message>
    <message>
        <source>Open an image to see where the CLS token attends.</source>
        <translation>打开一张图像以查看 CLS 词元关注的位置。</translation>
    </message>
    <message>
        <source>Computing the attention…</source>
        <translation>正在计算注意力…</translation>
    </message>
    <message>
        <source>No attention view: %1</source>
        <translation>无法显示注意力视图：%1</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>block %1 · %2 · %3</source>
        <translation>第 %1 块 · %2 · %3</translation>
    </message>
    <message>
        <source> · attention removed</source>
        <translation> · 注意力已移除</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Attention skipped (SPViT): the block computes x ← x, then its MLP</source>
        <translation>跳过注意力 (SPViT)：该块计算 x ← x，然后是其 MLP</translation>
    </message>
    <message>
        <source>conv%1</source>
        <translation>卷积%1</translation>
    </message>
    <message>
        <source>Attention replaced by a %1×%1 convolution to %2 channels (SPViT), then its MLP</source>
        <translation>注意力被替换为输出 %2 通道的 %1×%1 卷积 (SPViT)，然后是 MLP</translation>
    </message>
</context>
<context>
    <name>vp::StructureView</name>
    <message>
        <source>&lt;b&gt;Structure kept&lt;/b&gt;</source>
        <translation>&lt;b&gt;保留的结构&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Heads per block (rows): %1 kept · %2 removed · %3 attention removed — counts, not original positions</source>
        <translation>每块的头（行）：%1 保留 · %2 移除 · %3 注意力已移除 — 显示数量，而非原始位置</translation>
    </message>
    <message>
        <source>A pruned model&apos;s config records how many heads each block kept, not which of the original heads: the kept heads are drawn as the first cells of their row.</source>
        <translation>剪枝后模型的配置只记录每个块保留了多少个头，而不记录保留的是原来的哪些头：保留的头画在该行最前面的格子中。</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>MLP neurons</source>
        <translation>MLP 神经元</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>unpruned</source>
        <translation>未剪枝</translation>
    </message>
    <message>
        <source>Pruned by: %1</source>
        <translation>剪枝方式：%1</translation>
    </message>
    <message>
        <source>%1 of %2 heads</source>
        <translation>%1 / %2 个头</translation>
    </message>
    <message>
        <source> · 1 attention sub-block removed</source>
        <translation> · 移除了 1 个注意力子块</translation>
    </message>
    <message>
        <source> · %1 attention sub-blocks removed</source>
        <translation> · 移除了 %1 个注意力子块</translation>
    </message>
    <message>
        <source> · 1 block cut</source>
        <translation> · 截去 1 个块</translation>
    </message>
    <message>
        <source> · %1 blocks cut</source>
        <translation> · 截去 %1 个块</translation>
    </message>
    <message>
        <source> · MLP neurons %1 of %2 (%3%)</source>
        <translation> · MLP 神经元 %1 / %2（%3%）</translation>
    </message>
</context>
<context>
    <name>vp::SweepSetupForm</name>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation>Fashion-MNIST 测试集（10,000）</translation>
    </message>
    <message>
        <source>Fashion-MNIST train</source>
        <translation>Fashion-MNIST 训练集</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation>每个类别各有一个图像子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Evaluate each setting on the first N images of the dataset</source>
        <translation>在数据集的前 N 张图像上评估每个设置</translation>
    </message>
    <message>
        <source>Settings per method, evenly spaced in GMACs between its cheapest and dense</source>
        <translation>每种方法的设置数，按 GMACs 在其最低开销与稠密模型之间均匀分布</translation>
    </message>
    <message>
        <source>Training-free methods to sweep; the dense model is always measured</source>
        <translation>要扫描的免训练方法；稠密模型始终会被测量</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>Points per method</source>
        <translation>每种方法的点数</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation>数据集文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>Fashion-MNIST has 10 classes; this model has %1</source>
        <translation>Fashion-MNIST 有 10 个类别；此模型有 %1 个</translation>
    </message>
    <message>
        <source>Fashion-MNIST has 10 classes and this model has %1: its accuracy there means nothing. Choose Dataset ▸ Folder… with one sub-folder of images per class of the model.</source>
        <translation>Fashion-MNIST 有 10 个类别，而此模型有 %1 个：在其上的准确率没有意义。请选择“数据集 ▸ 文件夹…”，为模型的每个类别各提供一个图像子文件夹。</translation>
    </message>
</context>
<context>
    <name>vp::SweepWorker</name>
    <message>
        <source>%1 (set aside as .corrupt; measuring %2 again)</source>
        <translation>%1（已另存为 .corrupt；重新测量 %2）</translation>
    </message>
    <message>
        <source>internal error: the sweep worker must live on its own thread</source>
        <translation>内部错误：扫描工作器必须运行在自己的线程上</translation>
    </message>
    <message>
        <source>sweep of %1 on %2: internal error: %3</source>
        <translation>在 %2 上扫描 %1：内部错误：%3</translation>
    </message>
    <message>
        <source>sweep of %1 on %2: %3</source>
        <translation>在 %2 上扫描 %1：%3</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>已跳过 %1：%2</translation>
    </message>
</context>
<context>
    <name>vp::TimeBreakdownChart</name>
    <message>
        <source>block (left bar: dense, right bar: pruned)</source>
        <translation>块（左柱：稠密模型，右柱：剪枝后）</translation>
    </message>
    <message>
        <source>ms per forward</source>
        <translation>每次前向传播的 ms</translation>
    </message>
    <message>
        <source>%1 — total %2 ms dense, %3 ms pruned (%4× faster)</source>
        <translation>%1 — 总计：稠密模型 %2 ms，剪枝后 %3 ms（快 %4×）</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP 层</translation>
    </message>
    <message>
        <source>selection / merge ops</source>
        <translation>选择 / 合并操作</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>vp::TimeBreakdownDialog</name>
    <message>
        <source>Time breakdown: %1 on %2</source>
        <translation>时间分解：%2 上的 %1</translation>
    </message>
    <message>
        <source>Timed forwards of each (dense, pruned); every stage&apos;s figure is the median</source>
        <translation>每种模型（稠密、剪枝后）计时的前向传播次数；每个阶段的数值取中位数</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>测量失败：%1</translation>
    </message>
    <message>
        <source>Export the time breakdown</source>
        <translation>导出时间分解</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n run(s)…</source>
        <translation>
            <numerusform>正在测量 %n 次运行…</numerusform>
        </translation>
    </message>
    <message>
        <source>, batch %1</source>
        <translation>，批大小 %1</translation>
    </message>
    <message>
        <source>Blocks: attention %1 → %2 ms, MLP %3 → %4 ms, selection/merge ops %5 ms, other %6 → %7 ms. GMACs %8 → %9 (%10× fewer); time %11 → %12 ms (%13× faster). </source>
        <translation>各块：注意力 %1 → %2 ms，MLP %3 → %4 ms，选择/合并操作 %5 ms，其他 %6 → %7 ms。GMACs %8 → %9（减少 %10×）；时间 %11 → %12 ms（快 %13×）。 </translation>
    </message>
    <message>
        <source>The method&apos;s own ops and bookkeeping take back %1 ms of the %2 ms that attention and MLP save (%3%).</source>
        <translation>该方法自身的操作和簿记开销抵消了注意力和 MLP 节省的 %2 ms 中的 %1 ms（%3%）。</translation>
    </message>
    <message numerus="yes">
        <source> Median of %n run(s), %1 thread(s), %2; stage timers wait for the device, so totals run a little slower than an untimed forward.</source>
        <translation>
            <numerusform> %n 次运行的中位数，%1 个线程，%2；各阶段计时器会等待设备完成，因此总时间比不计时的前向传播略长。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nothing measured yet</source>
        <translation>%1：尚未测量任何内容</translation>
    </message>
    <message>
        <source>%1: export as PNG, SVG, PDF, JSON or text (.txt)</source>
        <translation>%1：只能导出为 PNG、SVG、PDF、JSON 或文本（.txt）</translation>
    </message>
</context>
<context>
    <name>vp::TokenMapView</name>
    <message>
        <source>Patch %1 (row %2, col %3), block %4</source>
        <translation>图像块 %1（第 %2 行，第 %3 列），第 %4 块</translation>
    </message>
    <message>
        <source>Dropped: no token carries it any more</source>
        <translation>已丢弃：不再有任何词元携带它</translation>
    </message>
    <message>
        <source>Parked: set aside, not in this block&apos;s tokens</source>
        <translation>暂存：被搁置，不在此块的词元中</translation>
    </message>
    <message>
        <source>Token %1, shared by %2 patches</source>
        <translation>词元 %1，由 %2 个图像块共享</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>词元 %1</translation>
    </message>
    <message>
        <source>Colour %1 (R, G, B = its features on the dense model&apos;s principal components 1, 2, 3)</source>
        <translation>颜色 %1（R、G、B = 其在稠密模型主成分 1、2、3 上的特征）</translation>
    </message>
</context>
<context>
    <name>vp::TrainPartsDialog</name>
    <message>
        <source>Train method parts for %1</source>
        <translation>为 %1 训练方法组件</translation>
    </message>
    <message>
        <source>The first N images of the Fashion-MNIST train split</source>
        <translation>Fashion-MNIST 训练集的前 N 张图像</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Resume the interrupted run in this folder</source>
        <translation>继续此文件夹中被中断的运行</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Cancelled: finished epochs are kept; tick Resume to continue</source>
        <translation>已取消：已完成的轮次已保留；勾选“继续”即可接着训练</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No registered method has learned parts.</source>
        <translation>没有任何已注册的方法包含可学习的组件。</translation>
    </message>
    <message>
        <source>Recipe: %1. Scored after every epoch on 2,000 test images; the dense model is the teacher.</source>
        <translation>训练配方：%1。每轮结束后在 2,000 张测试图像上评估；稠密模型作为教师模型。</translation>
    </message>
    <message>
        <source>Same as: %1</source>
        <translation>等效命令：%1</translation>
    </message>
    <message>
        <source>Loading the model and Fashion-MNIST…</source>
        <translation>正在加载模型和 Fashion-MNIST…</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4, loss %5, %6 img/s</source>
        <translation>第 %1/%2 轮，第 %3/%4 步，损失 %5，%6 张/秒</translation>
    </message>
    <message>
        <source>Wrote %1 (test top-1 %2%); the studio now uses it.</source>
        <translation>已写入 %1（测试集 top-1：%2%）；程序现已开始使用它。</translation>
    </message>
</context>
<context>
    <name>vp::Translations</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>vp::VideoPage</name>
    <message>
        <source>Export video…</source>
        <translation>导出视频…</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>导出数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a video (File ▸ Open video…) or drop one here.</source>
        <translation>打开视频（文件 ▸ 打开视频…），或将视频拖放到此处。</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>0-based block whose patch fates are shown</source>
        <translation>显示其图像块去向的块（从 0 开始编号）</translation>
    </message>
    <message>
        <source>%1: the video ended early (truncated or damaged file)</source>
        <translation>%1：视频提前结束（文件被截断或已损坏）</translation>
    </message>
    <message>
        <source>Export overlaid video</source>
        <translation>导出叠加后的视频</translation>
    </message>
    <message>
        <source>Motion-JPEG video (*.avi)</source>
        <translation>Motion-JPEG 视频 (*.avi)</translation>
    </message>
    <message>
        <source>Export per-frame data</source>
        <translation>导出逐帧数据</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>same as dense</source>
        <translation>与稠密模型相同</translation>
    </message>
    <message>
        <source>dense says %1</source>
        <translation>稠密模型为 %1</translation>
    </message>
    <message>
        <source>Frame %1 · %2 %3 · %4 GMACs (dense %5) · %6 ms (dense %7) · top-1 %8 (%9%, %10) · dropped frames %11</source>
        <translation>第 %1 帧 · %2 %3 · %4 GMACs（稠密模型 %5）· %6 ms（稠密模型 %7）· top-1 %8（%9%，%10）· 丢帧数 %11</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; recomputed</source>
        <translation>重新计算 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; kept</source>
        <translation>保留 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1f4fa0&apos;&gt;■&lt;/span&gt; &lt;b&gt;%1&lt;/b&gt; reused from earlier frames</source>
        <translation>&lt;span style=&apos;color:#1f4fa0&apos;&gt;■&lt;/span&gt; 从之前的帧复用 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; merged</source>
        <translation>合并 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; fused</source>
        <translation>融合 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; dropped</source>
        <translation>丢弃 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; parked</source>
        <translation>暂存 &lt;b&gt;%1&lt;/b&gt; 个</translation>
    </message>
    <message>
        <source>After block %1: %2</source>
        <translation>第 %1 块之后：%2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
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
        <translation>稠密模型 GMACs</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>dense ms</source>
        <translation>稠密模型 ms</translation>
    </message>
    <message>
        <source>top-1 ≠ dense</source>
        <translation>top-1 ≠ 稠密模型</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>帧</translation>
    </message>
</context>
<context>
    <name>vp::VideoTransport</name>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Play or pause the video (Space)</source>
        <translation>播放或暂停视频（空格键）</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>单步 ▸</translation>
    </message>
    <message>
        <source>Next frame (while paused)</source>
        <translation>下一帧（暂停时）</translation>
    </message>
    <message>
        <source>Reset stream</source>
        <translation>重置流</translation>
    </message>
    <message>
        <source>Forget the previous frames: a video method computes the next frame densely again</source>
        <translation>忘记之前的帧：视频方法会重新以稠密方式计算下一帧</translation>
    </message>
    <message>
        <source>Seek (a jump resets the stream)</source>
        <translation>定位（跳转会重置流）</translation>
    </message>
    <message>
        <source>Playback speed (frames the model cannot keep up with are dropped, and counted)</source>
        <translation>播放速度（模型来不及处理的帧会被丢弃并计数）</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
</context>
<context>
    <name>vp::VideoWorker</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Frame %1: %2</source>
        <translation>第 %1 帧：%2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>导出已取消；未写入 %1。</translation>
    </message>
    <message>
        <source>Wrote %1 frames to %2</source>
        <translation>已将 %1 帧写入 %2</translation>
    </message>
</context>
</TS>
