<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>QObject</name>
    <message>
        <source>defaults</source>
        <translation>по умолчанию</translation>
    </message>
</context>
<context>
    <name>vp</name>
    <message>
        <source>kept</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>слито</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>объединено</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>отброшено</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>отложено</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>переиспользовано</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 токен</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>токенов: %1</translation>
    </message>
</context>
<context>
    <name>vp::AttentionView</name>
    <message>
        <source>CLS attention</source>
        <translation>Внимание CLS</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout внимания</translation>
    </message>
    <message>
        <source>CLS attention: the CLS query&apos;s attention inside the chosen block, on the token each patch lives in.
Rollout (Abnar &amp; Zuidema 2020): the attention of every block up to the chosen one, heads fused, identity added, rows renormalised and multiplied through the blocks; the CLS row read on the original patches.</source>
        <translation>Внимание CLS: внимание запроса CLS внутри выбранного блока, показанное на токене, в котором находится каждый патч.
Rollout внимания (Abnar &amp; Zuidema 2020): внимание всех блоков до выбранного включительно — головы объединены, добавлена единичная матрица, строки перенормированы и перемножены по блокам; строка CLS считывается на исходных патчах.</translation>
    </message>
    <message>
        <source>0-based block, as --layer and the methods&apos; block knobs</source>
        <translation>Блок (нумерация с 0, как у --layer и у параметров блоков в методах)</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Голова:</translation>
    </message>
    <message>
        <source>Heads fused by:</source>
        <translation>Объединение голов:</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>среднее</translation>
    </message>
    <message>
        <source>max</source>
        <translation>максимум</translation>
    </message>
    <message>
        <source>min</source>
        <translation>минимум</translation>
    </message>
    <message>
        <source>How the rollout combines a block&apos;s heads before adding the identity</source>
        <translation>Как rollout объединяет головы блока перед добавлением единичной матрицы</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Блок:</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Плотная модель</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>блок %1</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>среднее по головам</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>голова %1</translation>
    </message>
    <message>
        <source>Open an image to see where the CLS token attends, for the dense model and the method.</source>
        <translation>Откройте изображение, чтобы увидеть, куда направлено внимание CLS-токена в плотной модели и в методе.</translation>
    </message>
    <message>
        <source>Attention rollout through blocks 0–%1, heads fused by their %2: how much of the CLS token traces back to each original patch (identity added for the residual, rows renormalised). Hatched over a colour: the patch is no longer in the method&apos;s tokens at block %1; dashed outline: in the fused token.</source>
        <translation>Rollout внимания по блокам 0–%1, головы объединены по правилу «%2»: какая доля CLS-токена восходит к каждому исходному патчу (для остаточной связи добавлена единичная матрица, строки перенормированы). Штриховка поверх цвета: в блоке %1 патча уже нет среди токенов метода; пунктирный контур: патч в объединённом токене.</translation>
    </message>
    <message>
        <source>the mean of the heads</source>
        <translation>среднее по головам</translation>
    </message>
    <message>
        <source>CLS attention in block %1, %2, over the tokens that entered the block: each patch shows the attention its token gets (patches of a merged or fused token share it; dashed outline: the fused token). Dark and hatched: the patch is in no token there (dropped or parked).</source>
        <translation>Внимание CLS в блоке %1, %2, по токенам, вошедшим в блок: каждый патч показывает внимание, которое получает его токен (патчи слитого или объединённого токена делят его; пунктирный контур — объединённый токен). Тёмный со штриховкой: патч не входит там ни в один токен (отброшен или отложен).</translation>
    </message>
    <message>
        <source>%1 · patch %2 (row %3, col %4), block %5</source>
        <translation>%1 · патч %2 (строка %3, столбец %4), блок %5</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>Значение: %1</translation>
    </message>
    <message>
        <source>Dropped: in no token at this block</source>
        <translation>Отброшен: в этом блоке не входит ни в один токен</translation>
    </message>
    <message>
        <source>Parked: set aside, not in this block&apos;s tokens</source>
        <translation>Отложен: убран в сторону и не входит в токены этого блока</translation>
    </message>
    <message>
        <source>Token %1, shared by %2 patches</source>
        <translation>Токен %1, общий для патчей: %2</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Токен %1</translation>
    </message>
    <message>
        <source> (fused token)</source>
        <translation> (объединённый токен)</translation>
    </message>
</context>
<context>
    <name>vp::CompareView</name>
    <message>
        <source>Panes:</source>
        <translation>Панелей:</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Блок:</translation>
    </message>
    <message>
        <source>The block shown in every pane</source>
        <translation>Блок, показываемый во всех панелях</translation>
    </message>
    <message>
        <source>Solve every pane&apos;s main knob for the same cost</source>
        <translation>Подобрать основной параметр каждой панели под одинаковую стоимость</translation>
    </message>
    <message>
        <source>%1 GMACs (%2%)</source>
        <translation>%1 GMACs (%2%)</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>блок %1</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>Уравнять</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>задержка</translation>
    </message>
    <message>
        <source>GMACs: the papers&apos; cost. Latency: measured on this machine at batch 1 (bisection on measured time; the first solve of a method times a dozen settings)</source>
        <translation>GMACs: стоимость, принятая в статьях. Задержка: измеряется на этой машине при батче 1 (бисекция по измеренному времени; при первом подборе для метода замеряется около десятка настроек)</translation>
    </message>
    <message>
        <source>%1% of dense latency</source>
        <translation>%1% от задержки плотной модели</translation>
    </message>
    <message>
        <source> (timed %1 ms for %2)</source>
        <translation> (замер: %1 мс при цели %2 мс)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;lock asked %1%: the nearest setting this method has&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;запрошено %1%: это ближайшая настройка, доступная методу&lt;/i&gt;</translation>
    </message>
    <message>
        <source>timing…</source>
        <translation>замер…</translation>
    </message>
    <message>
        <source>%1 ms, ≈%2× dense (noisy)</source>
        <translation>%1 мс, ≈%2× к плотной модели (шумно)</translation>
    </message>
    <message>
        <source>%1 ms, %2× dense</source>
        <translation>%1 мс, %2× к плотной модели</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs (%3%) · %4%9&lt;br&gt;%5 %6% · block %7: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 GMACs (%3%) · %4%9&lt;br&gt;%5 %6% · блок %7: %8</translation>
    </message>
</context>
<context>
    <name>vp::CompatibilityDialog</name>
    <message>
        <source>Applies</source>
        <translation>Применим</translation>
    </message>
    <message>
        <source>Needs training</source>
        <translation>Требует обучения</translation>
    </message>
    <message>
        <source>Cannot apply</source>
        <translation>Неприменим</translation>
    </message>
    <message>
        <source>Compatibility report — %1</source>
        <translation>Отчёт о совместимости — %1</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Модель:</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Семейство:</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Вход:</translation>
    </message>
    <message>
        <source>%1 channel(s), %2×%3 pixels</source>
        <translation>каналов: %1, %2×%3 пикселей</translation>
    </message>
    <message>
        <source>Patches:</source>
        <translation>Патчи:</translation>
    </message>
    <message>
        <source>patch %1, grid %2×%3 (%4 patches)</source>
        <translation>патч %1, сетка %2×%3 (патчей: %4)</translation>
    </message>
    <message>
        <source>Transformer:</source>
        <translation>Трансформер:</translation>
    </message>
    <message>
        <source>%1 blocks, %2 heads × head dim %3 = embed dim %4</source>
        <translation>блоков: %1, голов: %2 × размерность головы %3 = размерность эмбеддинга %4</translation>
    </message>
    <message>
        <source>Prefix tokens:</source>
        <translation>Префиксные токены:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pooling:</source>
        <translation>Пулинг:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Примечание: %1</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Модель не загружена.</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>&amp;Копировать как текст</translation>
    </message>
</context>
<context>
    <name>vp::CostHistogram</name>
    <message>
        <source>images</source>
        <translation>изображения</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>GMACs на изображение</translation>
    </message>
    <message>
        <source>%1 images: %2 ± %3 GMACs (mean ± std)</source>
        <translation>изображений: %1; %2 ± %3 GMACs (среднее ± ст. откл.)</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>среднее %1</translation>
    </message>
    <message>
        <source>dense %1</source>
        <translation>плотная модель: %1</translation>
    </message>
    <message>
        <source>%1 GMACs: %2 images</source>
        <translation>%1 GMACs — изображений: %2</translation>
    </message>
</context>
<context>
    <name>vp::EfficiencyDialog</name>
    <message>
        <source>Efficiency: GMACs saved vs time saved — %1</source>
        <translation>Эффективность: экономия GMACs и экономия времени — %1</translation>
    </message>
    <message>
        <source>Batch sizes, comma-separated (1 to 4096)</source>
        <translation>Размеры батча через запятую (от 1 до 4096)</translation>
    </message>
    <message>
        <source>Each method is set to these fractions of the dense GMACs, so methods compare at equal cost</source>
        <translation>Каждый метод настраивается на эти доли от GMACs плотной модели, чтобы методы сравнивались при равной стоимости</translation>
    </message>
    <message>
        <source>Interleaved dense/pruned pairs per setting at batch 1 (a third of them, at least 3, at larger batches)</source>
        <translation>Число чередующихся пар «плотная модель / после прунинга» на настройку при батче 1 (при больших батчах — треть от этого числа, но не меньше 3)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Измерить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Open table…</source>
        <translation>Открыть таблицу…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>Measures on this machine: dense and pruned forwards interleaved, median of the per-pair ratios, p10–p90 as error bars. Efficiency 1 = the GMACs saving becomes time saved in full.</source>
        <translation>Измерения на этой машине: прямые проходы плотной модели и модели после прунинга чередуются, берётся медиана отношений по парам, p10–p90 — планки погрешностей. Эффективность 1 = экономия GMACs полностью превращается в экономию времени.</translation>
    </message>
    <message>
        <source>method</source>
        <translation>метод</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>настройка</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>батч</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>GMACs speed-up</source>
        <translation>ускорение по GMACs</translation>
    </message>
    <message>
        <source>measured speed-up (p10–p90)</source>
        <translation>измеренное ускорение (p10–p90)</translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation>эффективность</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Методы</translation>
    </message>
    <message>
        <source>Batch sizes</source>
        <translation>Размеры батча</translation>
    </message>
    <message>
        <source>GMACs budgets (× dense)</source>
        <translation>Бюджеты GMACs (× плотная модель)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Потоков</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пар</translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>%1 из %2 — %3</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>Ошибка измерения: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) measured.</source>
        <translation>
            <numerusform>Измерена %n настройка.</numerusform>
            <numerusform>Измерены %n настройки.</numerusform>
            <numerusform>Измерено %n настроек.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an efficiency table (vitprune bench --out)</source>
        <translation>Открыть таблицу эффективности (vitprune bench --out)</translation>
    </message>
    <message>
        <source>Efficiency table (*.json)</source>
        <translation>Таблица эффективности (*.json)</translation>
    </message>
    <message>
        <source>Export the efficiency view</source>
        <translation>Экспортировать представление эффективности</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Choose at least one method, and give batch sizes and budgets as comma-separated numbers.</source>
        <translation>Выберите хотя бы один метод и укажите размеры батча и бюджеты числами через запятую.</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: не удалось прочитать (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n setting(s).</source>
        <translation>
            <numerusform>%1: %n настройка.</numerusform>
            <numerusform>%1: %n настройки.</numerusform>
            <numerusform>%1: %n настроек.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: export as PNG, SVG, PDF, JSON, CSV or Markdown (.md)</source>
        <translation>%1: поддерживается экспорт в PNG, SVG, PDF, JSON, CSV или Markdown (.md)</translation>
    </message>
</context>
<context>
    <name>vp::EfficiencyPlot</name>
    <message>
        <source>GMACs speed-up (dense GMACs / pruned GMACs)</source>
        <translation>ускорение по GMACs (GMACs плотной модели / GMACs после прунинга)</translation>
    </message>
    <message>
        <source>efficiency (measured speed-up / GMACs speed-up)</source>
        <translation>эффективность (измеренное ускорение / ускорение по GMACs)</translation>
    </message>
    <message>
        <source>%1 · batch %2</source>
        <translation>%1 · батч %2</translation>
    </message>
    <message>
        <source>ideal: time falls as GMACs do</source>
        <translation>идеал: время сокращается так же, как GMACs</translation>
    </message>
    <message>
        <source>goal %1</source>
        <translation>цель %1</translation>
    </message>
</context>
<context>
    <name>vp::FigureExport</name>
    <message>
        <source>Cannot export %1: the file name has no type suffix (.png, .svg, .pdf…)</source>
        <translation>Не удалось экспортировать %1: у имени файла нет расширения (.png, .svg, .pdf…)</translation>
    </message>
    <message>
        <source>Cannot export %1: unknown file type &quot;.%2&quot;</source>
        <translation>Не удалось экспортировать %1: неизвестный тип файла «.%2»</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>rendering failed</source>
        <translation>ошибка отрисовки</translation>
    </message>
    <message>
        <source>Cannot export %1: the image is empty</source>
        <translation>Не удалось экспортировать %1: изображение пустое</translation>
    </message>
    <message>
        <source>Cannot export %1: no plot</source>
        <translation>Не удалось экспортировать %1: нет графика</translation>
    </message>
    <message>
        <source>cannot start the SVG painter</source>
        <translation>не удалось начать отрисовку SVG</translation>
    </message>
    <message>
        <source>Cannot export %1: nothing to export</source>
        <translation>Не удалось экспортировать %1: нечего экспортировать</translation>
    </message>
    <message>
        <source>cannot start the painter</source>
        <translation>не удалось начать отрисовку</translation>
    </message>
</context>
<context>
    <name>vp::HeadGrid</name>
    <message>
        <source>Block %1: cut (the model now ends before it)</source>
        <translation>Блок %1: отрезан (модель теперь заканчивается раньше него)</translation>
    </message>
    <message>
        <source>MLP %1 of %2 neurons</source>
        <translation>MLP: %1 из %2 нейронов</translation>
    </message>
    <message>
        <source>Block %1: attention removed (x ← 2x; the MLP still runs) · %2</source>
        <translation>Блок %1: внимание удалено (x ← 2x; MLP по-прежнему работает) · %2</translation>
    </message>
    <message>
        <source>Block %1: %2 of %3 heads kept · q/k %4 of %5 dims per head · v %6 of %7 · %8</source>
        <translation>Блок %1: сохранено голов: %2 из %3 · q/k: %4 из %5 размерностей на голову · v: %6 из %7 · %8</translation>
    </message>
    <message>
        <source> · 1 head mixes its map from the others</source>
        <translation> · 1 голова смешивает свою карту из карт остальных</translation>
    </message>
    <message>
        <source> · %1 heads mix their maps from the others</source>
        <translation> · голов, смешивающих карты из карт остальных: %1</translation>
    </message>
    <message>
        <source>Counts, not original positions: the kept heads are drawn first.</source>
        <translation>Количества, а не исходные позиции: сохранённые головы нарисованы первыми.</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>отрезан</translation>
    </message>
    <message>
        <source>attention removed</source>
        <translation>внимание удалено</translation>
    </message>
    <message>
        <source>no attn</source>
        <translation>без вним.</translation>
    </message>
    <message>
        <source>Block %1: attention replaced by a %2×%2 convolution to %3 channels (SPViT) · %4</source>
        <translation>Блок %1: внимание заменено свёрткой %2×%2 в %3 каналов (SPViT) · %4</translation>
    </message>
    <message>
        <source>Block %1: attention skipped (x ← x; the MLP still runs) · %2</source>
        <translation>Блок %1: внимание пропущено (x ← x; MLP работает) · %2</translation>
    </message>
    <message>
        <source>%1×%1 convolution</source>
        <translation>свёртка %1×%1</translation>
    </message>
    <message>
        <source>attention skipped</source>
        <translation>внимание пропущено</translation>
    </message>
    <message>
        <source>conv%1</source>
        <translation>свёртка%1</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>пропуск</translation>
    </message>
</context>
<context>
    <name>vp::InferenceWorker</name>
    <message>
        <source>Loading model %1…</source>
        <translation>Загрузка модели %1…</translation>
    </message>
    <message>
        <source>Moving the model to %1…</source>
        <translation>Перенос модели на %1…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>Чтение калибровочных изображений: %1 (Fashion-MNIST, обучающая выборка)…</translation>
    </message>
    <message>
        <source>the forward recorded no blocks</source>
        <translation>прямой проход не записал ни одного блока</translation>
    </message>
</context>
<context>
    <name>vp::KeptTokensChart</name>
    <message>
        <source>dense</source>
        <translation>плотная модель</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>после прунинга</translation>
    </message>
    <message>
        <source>kept tokens</source>
        <translation>сохранённые токены</translation>
    </message>
    <message>
        <source> (dense %1)</source>
        <translation> (плотная модель: %1)</translation>
    </message>
    <message>
        <source>block</source>
        <translation>блок</translation>
    </message>
    <message>
        <source>Block %1: %2 kept</source>
        <translation>Блок %1: сохранено %2</translation>
    </message>
    <message>
        <source>Block %1: %2 (drag to change)</source>
        <translation>Блок %1: %2 (перетащите, чтобы изменить)</translation>
    </message>
</context>
<context>
    <name>vp::KnobHistory</name>
    <message>
        <source>method %1</source>
        <translation>метод %1</translation>
    </message>
</context>
<context>
    <name>vp::KnobPanel</name>
    <message>
        <source>This method has no settings.</source>
        <translation>У этого метода нет настроек.</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 3,6,9</source>
        <translation>через запятую, например 3,6,9</translation>
    </message>
    <message>
        <source>Main knob: the budget slider and the Pareto sweep move it.</source>
        <translation>Основной параметр: его меняют ползунок бюджета и перебор Парето.</translation>
    </message>
    <message>
        <source>one value per block; empty: not used</source>
        <translation>по одному значению на блок; пусто — не используется</translation>
    </message>
</context>
<context>
    <name>vp::LayerStrip</name>
    <message>
        <source>Kept patches after each block; click or use the arrow keys to pick a layer</source>
        <translation>Сохранённые патчи после каждого блока; щёлкните или используйте клавиши со стрелками, чтобы выбрать слой</translation>
    </message>
    <message>
        <source>No layers yet</source>
        <translation>Слоёв пока нет</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Block %1: %2</source>
        <translation>Блок %1: %2</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Блок %1</translation>
    </message>
    <message>
        <source> · %1 in the MLP</source>
        <translation> · в MLP %1</translation>
    </message>
    <message>
        <source>Attention removed: the block computes x ← 2x, then its MLP</source>
        <translation>Внимание удалено: блок вычисляет x ← 2x, затем свой MLP</translation>
    </message>
    <message>
        <source>Right-click to keep its attention</source>
        <translation>Правый щелчок — сохранить внимание блока</translation>
    </message>
    <message>
        <source>Right-click to remove its attention</source>
        <translation>Правый щелчок — удалить внимание блока</translation>
    </message>
    <message>
        <source>Keep attention of block %1</source>
        <translation>Сохранить внимание блока %1</translation>
    </message>
    <message>
        <source>Remove attention of block %1</source>
        <translation>Удалить внимание блока %1</translation>
    </message>
    <message>
        <source>no attn</source>
        <translation>без вним.</translation>
    </message>
</context>
<context>
    <name>vp::MainWindow</name>
    <message>
        <source>Accuracy vs cost (Pareto)</source>
        <translation>Точность и стоимость (Парето)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>Compare 2–4 methods side by side on this image (Ctrl+K)</source>
        <translation>Сравнить 2–4 метода бок о бок на этом изображении (Ctrl+K)</translation>
    </message>
    <message>
        <source>◀ Image</source>
        <translation>◀ Изображение</translation>
    </message>
    <message>
        <source>Image ▶</source>
        <translation>Изображение ▶</translation>
    </message>
    <message>
        <source>--layer %1: %2 has blocks 0 to %3</source>
        <translation>--layer %1: у %2 есть блоки с 0 по %3</translation>
    </message>
    <message>
        <source>Layer out of range</source>
        <translation>Слой вне диапазона</translation>
    </message>
    <message>
        <source>Model %1 loaded (%2 GMACs dense)</source>
        <translation>Модель %1 загружена (плотная модель: %2 GMACs)</translation>
    </message>
    <message>
        <source>%1: %2 GMACs, %3 ms</source>
        <translation>%1: %2 GMACs, %3 мс</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>Overlay of every block…</source>
        <translation>Наложение для всех блоков…</translation>
    </message>
    <message>
        <source>Export the overlay of every block</source>
        <translation>Экспортировать наложение для всех блоков</translation>
    </message>
    <message>
        <source>Comparison…</source>
        <translation>Сравнение…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Экспортировать сравнение</translation>
    </message>
    <message>
        <source>Pareto plot…</source>
        <translation>График Парето…</translation>
    </message>
    <message>
        <source>Export the Pareto plot</source>
        <translation>Экспортировать график Парето</translation>
    </message>
    <message>
        <source>Result data…</source>
        <translation>Данные результата…</translation>
    </message>
    <message>
        <source>Export the result&apos;s data</source>
        <translation>Экспортировать данные результата</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>%1: there is no result to export yet</source>
        <translation>%1: пока нет результата для экспорта</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 GMACs</source>
        <translation>%1 · %2 · %3 GMACs</translation>
    </message>
    <message>
        <source>%1: the comparison exports as PNG, SVG or PDF</source>
        <translation>%1: сравнение экспортируется в PNG, SVG или PDF</translation>
    </message>
    <message>
        <source>%1: result data exports as CSV or JSON</source>
        <translation>%1: данные результата экспортируются в CSV или JSON</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>Открыть &amp;модель…</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.pth *.pt *.bin);;All files (*)</source>
        <translation>Чекпойнты (*.safetensors *.pth *.pt *.bin);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open model &amp;folder…</source>
        <translation>Открыть &amp;папку модели…</translation>
    </message>
    <message>
        <source>Open model folder (config.json + weights)</source>
        <translation>Открыть папку модели (config.json + веса)</translation>
    </message>
    <message>
        <source>&amp;Default model (%1)</source>
        <translation>Модель по &amp;умолчанию (%1)</translation>
    </message>
    <message>
        <source>Models in the &amp;HuggingFace cache</source>
        <translation>Модели в кэше &amp;HuggingFace</translation>
    </message>
    <message>
        <source>(none found in ~/.cache/huggingface/hub)</source>
        <translation>(в ~/.cache/huggingface/hub ничего не найдено)</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>Недавние модели</translation>
    </message>
    <message>
        <source>Open &amp;image(s)…</source>
        <translation>Открыть &amp;изображения…</translation>
    </message>
    <message>
        <source>Open image(s)</source>
        <translation>Открыть изображения</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;All files (*)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open image f&amp;older…</source>
        <translation>Открыть п&amp;апку с изображениями…</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Открыть папку с изображениями</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>Нет изображений</translation>
    </message>
    <message>
        <source>%1: no image files in this folder</source>
        <translation>%1: в этой папке нет файлов изображений</translation>
    </message>
    <message>
        <source>Recent images</source>
        <translation>Недавние изображения</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Reset knobs to defaults</source>
        <translation>Сбросить параметры к значениям по умолчанию</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The new language applies when the studio starts next.</source>
        <translation>Новый язык будет применён при следующем запуске студии.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About ViT Prune Studio</source>
        <translation>&amp;О программе ViT Prune Studio</translation>
    </message>
    <message>
        <source>About ViT Prune Studio</source>
        <translation>О программе ViT Prune Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;See which patches a token-pruning method keeps, what the model then predicts and what it costs.&lt;br&gt;Drop an image or a checkpoint (.safetensors, .pth) onto the window to open it.</source>
        <translation>&lt;b&gt;ViT Prune Studio&lt;/b&gt; %1&lt;br&gt;Показывает, какие патчи оставляет метод прунинга токенов, что после этого предсказывает модель и сколько это стоит.&lt;br&gt;Чтобы открыть изображение или чекпойнт (.safetensors, .pth), перетащите его в окно.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(пока нет)</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Не удалось открыть модель</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>Не удалось открыть изображение</translation>
    </message>
    <message>
        <source>Invalid method settings</source>
        <translation>Недопустимые настройки метода</translation>
    </message>
    <message>
        <source>Inference failed</source>
        <translation>Ошибка инференса</translation>
    </message>
    <message>
        <source>Model &amp;compatibility report…</source>
        <translation>Отчёт о &amp;совместимости модели…</translation>
    </message>
    <message>
        <source>Cannot open sweep results</source>
        <translation>Не удалось открыть результаты перебора</translation>
    </message>
    <message>
        <source>Open sweep results…</source>
        <translation>Открыть результаты перебора…</translation>
    </message>
    <message>
        <source>Open sweep results (vitprune sweep / merge)</source>
        <translation>Открыть результаты перебора (vitprune sweep / merge)</translation>
    </message>
    <message>
        <source>Sweep results (*.json)</source>
        <translation>Результаты перебора (*.json)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Анализ</translation>
    </message>
    <message>
        <source>&amp;Efficiency: GMACs saved vs time saved…</source>
        <translation>&amp;Эффективность: экономия GMACs и экономия времени…</translation>
    </message>
    <message>
        <source>&amp;Time breakdown of this setting…</source>
        <translation>&amp;Разбивка времени для этой настройки…</translation>
    </message>
    <message>
        <source>Pareto plot against measured &amp;latency</source>
        <translation>График Парето по измеренной &amp;задержке</translation>
    </message>
    <message>
        <source>&amp;Per-image cost…</source>
        <translation>&amp;Стоимость по изображениям…</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <source>--analysis %1: nothing to show</source>
        <translation>--analysis %1: нечего показать</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>Сначала откройте модель</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Эффективность</translation>
    </message>
    <message>
        <source>No result yet: the breakdown times the current setting</source>
        <translation>Результата пока нет: разбивка замеряет время текущей настройки</translation>
    </message>
    <message>
        <source>Per-image cost</source>
        <translation>Стоимость по изображениям</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Frame %1 · %2: %3 GMACs (dense %4), %5 ms</source>
        <translation>Кадр %1 · %2: %3 GMACs (плотная модель: %4), %5 мс</translation>
    </message>
    <message>
        <source>Video %1: %2×%3, %4 fps, %5 frames</source>
        <translation>Видео %1: %2×%3, %4 кадр/с, кадров: %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Open &amp;video…</source>
        <translation>Открыть ви&amp;део…</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>Открыть видео</translation>
    </message>
    <message>
        <source>Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;All files (*)</source>
        <translation>Видео (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open &amp;camera…</source>
        <translation>Открыть &amp;камеру…</translation>
    </message>
    <message>
        <source>Open camera</source>
        <translation>Открыть камеру</translation>
    </message>
    <message>
        <source>Camera index (/dev/videoN):</source>
        <translation>Номер камеры (/dev/videoN):</translation>
    </message>
    <message>
        <source>Recent videos</source>
        <translation>Недавние видео</translation>
    </message>
    <message>
        <source>Model %1 · image %2 · %3 · ViT Prune Studio %4</source>
        <translation>Модель %1 · изображение %2 · %3 · ViT Prune Studio %4</translation>
    </message>
    <message>
        <source>Keep masks of every block (JSON)…</source>
        <translation>Маски сохранения всех блоков (JSON)…</translation>
    </message>
    <message>
        <source>Export each block&apos;s patch fates</source>
        <translation>Экспорт судьбы патчей в каждом блоке</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 of %4 GMACs</source>
        <translation>%1 (%2) · %3 из %4 GMACs</translation>
    </message>
    <message>
        <source>%1: pane %2 has no result yet; export again when every pane shows one</source>
        <translation>%1: в панели %2 ещё нет результата; повторите экспорт, когда результат появится во всех панелях</translation>
    </message>
    <message>
        <source>%1
%2
%3 GMACs (%4% of dense)</source>
        <translation>%1
%2
%3 GMACs (%4% от плотной модели)</translation>
    </message>
    <message>
        <source>%1 · block %2</source>
        <translation>%1 · блок %2</translation>
    </message>
    <message>
        <source>%1 at block %2 (%3)</source>
        <translation>%1 в блоке %2 (%3)</translation>
    </message>
    <message>
        <source>equal-cost lock on</source>
        <translation>стоимость уравнена</translation>
    </message>
    <message>
        <source>own settings</source>
        <translation>собственные настройки</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>The studio keeps the model that was open: %1.</source>
        <translation>Студия продолжает работать с ранее открытой моделью: %1.</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>Модель не открыта.</translation>
    </message>
    <message>
        <source>This file could not be opened as a ViT checkpoint.

%1

%2</source>
        <translation>Не удалось открыть этот файл как чекпойнт ViT.

%1

%2</translation>
    </message>
    <message>
        <source>%1: %2 GMACs, timing…</source>
        <translation>%1: %2 GMACs, замер…</translation>
    </message>
    <message>
        <source>Save &amp;pruned model…</source>
        <translation>Сохранить модель после &amp;прунинга…</translation>
    </message>
    <message>
        <source>Save pruned model (a folder: config.json + model.safetensors)</source>
        <translation>Сохранить модель после прунинга (папка: config.json + model.safetensors)</translation>
    </message>
    <message>
        <source>Save the model the current structural method makes (fewer heads, neurons or blocks) as a folder that the studio and the command line open like any other model</source>
        <translation>Сохранить модель, которую создаёт текущий структурный метод (меньше голов, нейронов или блоков), в папку, которую студия и командная строка открывают как любую другую модель</translation>
    </message>
    <message>
        <source>Pruning with %1…</source>
        <translation>Прунинг методом %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Save pruned model</source>
        <translation>Сохранение модели после прунинга</translation>
    </message>
    <message>
        <source>Could not save the pruned model to %1:

%2</source>
        <translation>Не удалось сохранить модель после прунинга в %1:

%2</translation>
    </message>
    <message>
        <source>Saving the pruned model was cancelled; %1 was not written</source>
        <translation>Сохранение модели после прунинга отменено; %1 не записана</translation>
    </message>
    <message>
        <source>Saved the pruned model to %1 (%2)</source>
        <translation>Модель после прунинга сохранена в %1 (%2)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>Opening the model…</source>
        <translation>Открытие модели…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>Чтение калибровочных изображений: %1 (Fashion-MNIST, обучающая выборка)…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Сохранение %1…</translation>
    </message>
    <message>
        <source>%1 GMACs, %2 parameters</source>
        <translation>%1 GMACs, параметров: %2</translation>
    </message>
    <message>
        <source>Saving the pruned model to %1…</source>
        <translation>Сохранение модели после прунинга в %1…</translation>
    </message>
    <message>
        <source>Open method &amp;parts…</source>
        <translation>Открыть компо&amp;ненты метода…</translation>
    </message>
    <message>
        <source>Open method parts</source>
        <translation>Открыть компоненты метода</translation>
    </message>
    <message>
        <source>Method parts (*.safetensors);;All files (*)</source>
        <translation>Компоненты метода (*.safetensors);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot open method parts</source>
        <translation>Не удалось открыть компоненты метода</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Модель</translation>
    </message>
    <message>
        <source>&amp;Train method parts…</source>
        <translation>&amp;Обучить компоненты метода…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>--device %1: this build has no such device (%2)</source>
        <translation>--device %1: в этой сборке нет такого устройства (%2)</translation>
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
        <translation>мс на изображение</translation>
    </message>
    <message>
        <source>images / s</source>
        <translation>изображений/с</translation>
    </message>
    <message>
        <source>x axis: GMACs (the papers&apos; convention) or cost measured on this machine</source>
        <translation>ось x: GMACs (как принято в статьях) или стоимость, измеренная на этой машине</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>батч %1</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>другой</translation>
    </message>
    <message>
        <source>Stop timing</source>
        <translation>Остановить замер</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>Ось x:</translation>
    </message>
    <message>
        <source>timing %1/%2: %3</source>
        <translation>замер %1/%2: %3</translation>
    </message>
    <message>
        <source>timing failed: %1</source>
        <translation>ошибка замера: %1</translation>
    </message>
    <message>
        <source>timing stopped</source>
        <translation>замер остановлен</translation>
    </message>
    <message>
        <source>batch %1, %2 threads, %3</source>
        <translation>батч %1, потоков: %2, %3</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>GMACs на изображение</translation>
    </message>
    <message>
        <source>measured ms per image (%1)</source>
        <translation>измеренные мс на изображение (%1)</translation>
    </message>
    <message>
        <source>measured images / s (%1)</source>
        <translation>изображений/с, измерено (%1)</translation>
    </message>
    <message>
        <source>latency cache not saved: %1</source>
        <translation>кэш задержек не сохранён: %1</translation>
    </message>
    <message>
        <source>Threads: </source>
        <translation>Потоков: </translation>
    </message>
</context>
<context>
    <name>vp::Methods</name>
    <message>
        <source>Dense (no pruning)</source>
        <translation>Плотная модель (без прунинга)</translation>
    </message>
    <message>
        <source>The unpruned model: every patch goes through every block.</source>
        <translation>Модель без прунинга: каждый патч проходит через каждый блок.</translation>
    </message>
    <message>
        <source>Random keep</source>
        <translation>Случайное сохранение</translation>
    </message>
    <message>
        <source>Keeps a random subset of the patch tokens after attention at the chosen blocks.</source>
        <translation>Сохраняет случайное подмножество токенов патчей после внимания в выбранных блоках.</translation>
    </message>
    <message>
        <source>Keep ratio</source>
        <translation>Доля сохраняемых</translation>
    </message>
    <message>
        <source>Fraction of the current patch tokens kept at each pruning block.</source>
        <translation>Доля текущих токенов патчей, сохраняемых в каждом блоке прунинга.</translation>
    </message>
    <message>
        <source>Pruning blocks</source>
        <translation>Блоки прунинга</translation>
    </message>
    <message>
        <source>0-based blocks after whose attention tokens are dropped.</source>
        <translation>Блоки (нумерация с 0), после внимания которых токены отбрасываются.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <source>Random seed (per forward).</source>
        <translation>Зерно генератора случайных чисел (для каждого прямого прохода).</translation>
    </message>
    <message>
        <source>Attention top-k (no fusion)</source>
        <translation>Top-k по вниманию (без слияния)</translation>
    </message>
    <message>
        <source>Keeps the patches the CLS token attends to most and drops the rest.</source>
        <translation>Сохраняет патчи, которым CLS-токен уделяет больше всего внимания, и отбрасывает остальные.</translation>
    </message>
    <message>
        <source>EViT</source>
        <translation>EViT</translation>
    </message>
    <message>
        <source>Keep rate</source>
        <translation>Коэффициент сохранения</translation>
    </message>
    <message>
        <source>Fraction of the current non-CLS tokens kept at each pruning block (EViT&apos;s keep_rate).</source>
        <translation>Доля текущих токенов (кроме CLS), сохраняемых в каждом блоке прунинга (keep_rate в EViT).</translation>
    </message>
    <message>
        <source>0-based blocks after whose attention tokens are reorganised.</source>
        <translation>Блоки (нумерация с 0), после внимания которых токены реорганизуются.</translation>
    </message>
    <message>
        <source>Fuse inattentive tokens</source>
        <translation>Сливать токены с низким вниманием</translation>
    </message>
    <message>
        <source>Fold the dropped tokens into one attention-weighted token (EViT) or drop them.</source>
        <translation>Объединить отброшенные токены в один токен, взвешенный по вниманию (EViT), или просто отбросить их.</translation>
    </message>
    <message>
        <source>ToMe (token merging)</source>
        <translation>ToMe (слияние токенов)</translation>
    </message>
    <message>
        <source>Merges the r most similar token pairs in every block (bipartite soft matching).</source>
        <translation>Сливает r самых похожих пар токенов в каждом блоке (двудольное мягкое сопоставление).</translation>
    </message>
    <message>
        <source>Tokens merged per block</source>
        <translation>Токенов сливается на блок</translation>
    </message>
    <message>
        <source>r: tokens removed by merging in each block (capped at half the tokens, as the reference).</source>
        <translation>r: число токенов, удаляемых слиянием в каждом блоке (не более половины токенов, как в эталонной реализации).</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>constant: r in every block; decreasing: ToMe&apos;s (r, inflection) schedule.</source>
        <translation>constant: r в каждом блоке; decreasing: расписание ToMe (r, перегиб).</translation>
    </message>
    <message>
        <source>Inflection</source>
        <translation>Перегиб</translation>
    </message>
    <message>
        <source>ToMe&apos;s inflection for the decreasing schedule (-0.5: start at 1.5r, end at 0.5r).</source>
        <translation>Перегиб ToMe для убывающего расписания (-0.5: начало с 1.5r, конец на 0.5r).</translation>
    </message>
    <message>
        <source>Proportional attention</source>
        <translation>Пропорциональное внимание</translation>
    </message>
    <message>
        <source>Add log(token size) to the attention logits of the keys.</source>
        <translation>Добавлять log(размер токена) к логитам внимания ключей.</translation>
    </message>
    <message>
        <source>Evo-ViT</source>
        <translation>Evo-ViT</translation>
    </message>
    <message>
        <source>Sorts patches by a global class-attention score in two stages; the informative ones go through the blocks, the others are placeholders that skip them and re-join later.</source>
        <translation>Сортирует патчи по глобальной оценке внимания класса в два этапа; информативные проходят через блоки, остальные — заполнители, которые пропускают блоки и позже присоединяются снова.</translation>
    </message>
    <message>
        <source>Fraction of the patches that are informative in each stage: int(P * keep) (98 of 196).</source>
        <translation>Доля патчей, информативных на каждом этапе: int(P * keep) (98 из 196).</translation>
    </message>
    <message>
        <source>Start block</source>
        <translation>Начальный блок</translation>
    </message>
    <message>
        <source>First block of the first stage; the blocks from here on form two stages of equal length.</source>
        <translation>Первый блок первого этапа; блоки начиная с него образуют два этапа равной длины.</translation>
    </message>
    <message>
        <source>Score tradeoff</source>
        <translation>Баланс оценки</translation>
    </message>
    <message>
        <source>g &lt;- (1 - alpha) g + alpha * CLS attention, for the informative tokens from the start block.</source>
        <translation>g &lt;- (1 - alpha) g + alpha * внимание CLS, для информативных токенов начиная с начального блока.</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Голова</translation>
    </message>
    <message>
        <source>mean: head(norm(mean of patch tokens)), the reference&apos;s head (Evo-ViT checkpoints); cls: the checkpoint&apos;s own head (CLS token for DeiT); auto: mean for Evo-ViT checkpoints, cls otherwise.</source>
        <translation>mean: head(norm(среднее токенов патчей)), голова эталонной реализации (чекпойнты Evo-ViT); cls: собственная голова чекпойнта (CLS-токен для DeiT); auto: mean для чекпойнтов Evo-ViT, иначе cls.</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Заполнители</translation>
    </message>
    <message>
        <source>code: authors&apos; code, placeholders frozen; paper: paper&apos;s description (approximation), a representative token carries the blocks&apos; update to the placeholders.</source>
        <translation>code: код авторов, заполнители заморожены; paper: описание из статьи (приближение), репрезентативный токен переносит обновление блоков на заполнители.</translation>
    </message>
    <message>
        <source>LTP (fixed thresholds)</source>
        <translation>LTP (фиксированные пороги)</translation>
    </message>
    <message>
        <source>Drops tokens that receive little attention (below theta_l / N, thresholds rising linearly over the blocks); the count varies per image. The authors evaluate on BERT only: applying it to ViTs is this app&apos;s adaptation.</source>
        <translation>Отбрасывает токены, получающие мало внимания (ниже theta_l / N, пороги растут линейно от блока к блоку); их число зависит от изображения. Авторы оценивают метод только на BERT: применение к ViT — адаптация этого приложения.</translation>
    </message>
    <message>
        <source>Final threshold</source>
        <translation>Конечный порог</translation>
    </message>
    <message>
        <source>theta_final, relative to the uniform score 1/N: after block l a token is pruned when the attention it receives is below theta_final * (l+1)/L / N. 0 = dense; larger prunes more.</source>
        <translation>theta_final относительно равномерной оценки 1/N: после блока l токен удаляется, если получаемое им внимание ниже theta_final * (l+1)/L / N. 0 = плотная модель; чем больше, тем сильнее прунинг.</translation>
    </message>
    <message>
        <source>Patch Slimming (training-free approximation)</source>
        <translation>Patch Slimming (приближение без обучения)</translation>
    </message>
    <message>
        <source>Static nested patch masks decided top-down from the attention of a calibration set (the same patches for every image). Training-free approximation: the paper fine-tunes the model.</source>
        <translation>Статические вложенные маски патчей, определяемые сверху вниз по вниманию на калибровочном наборе (одни и те же патчи для всех изображений). Приближение без обучения: в статье модель дообучается.</translation>
    </message>
    <message>
        <source>Last-block keep ratio</source>
        <translation>Доля сохраняемых в последнем блоке</translation>
    </message>
    <message>
        <source>Fraction of the patches the last block keeps; earlier blocks keep linearly more.</source>
        <translation>Доля патчей, сохраняемых последним блоком; более ранние блоки сохраняют линейно больше.</translation>
    </message>
    <message>
        <source>Block where the linear schedule starts at 100%; later blocks keep fewer patches.</source>
        <translation>Блок, с которого линейное расписание начинается со 100%; последующие блоки сохраняют меньше патчей.</translation>
    </message>
    <message>
        <source>Calibration images</source>
        <translation>Калибровочные изображения</translation>
    </message>
    <message>
        <source>Images whose averaged attention decides the masks.</source>
        <translation>Изображения, по усреднённому вниманию которых определяются маски.</translation>
    </message>
    <message>
        <source>Per-block keep ratios</source>
        <translation>Доли сохраняемых по блокам</translation>
    </message>
    <message>
        <source>One keep ratio per block (1 = no pruning there), comma-separated; replaces the keep ratio and the pruning blocks when set. Empty: not used.</source>
        <translation>По одной доле сохраняемых токенов на блок (1 — без прунинга в этом блоке), через запятую; если задано, заменяет долю сохраняемых и блоки прунинга. Пусто — не используется.</translation>
    </message>
    <message>
        <source>Per-block keep rates</source>
        <translation>Коэффициенты сохранения по блокам</translation>
    </message>
    <message>
        <source>One keep rate per block (1 = no pruning there), comma-separated; replaces keep and the pruning blocks when set. Empty: not used.</source>
        <translation>По одному коэффициенту сохранения на блок (1 — без прунинга в этом блоке), через запятую; если задано, заменяет keep и блоки прунинга. Пусто — не используется.</translation>
    </message>
    <message>
        <source>Per-block r</source>
        <translation>r по блокам</translation>
    </message>
    <message>
        <source>One r per block (tokens merged there), comma-separated; replaces r and the schedule when set. Empty: not used.</source>
        <translation>По одному r на блок (столько токенов в нём сливается), через запятую; если задано, заменяет r и расписание. Пусто — не используется.</translation>
    </message>
    <message>
        <source>Eventful Transformer</source>
        <translation>Eventful Transformer (видео)</translation>
    </message>
    <message>
        <source>Video: recomputes only the tokens that changed since the previous frame; the first frame is dense, so a single image shows the dense model.</source>
        <translation>Видео: пересчитывает только токены, изменившиеся с предыдущего кадра; первый кадр вычисляется плотно, поэтому для одиночного изображения показывается плотная модель.</translation>
    </message>
    <message>
        <source>Gate policy</source>
        <translation>Политика гейтов</translation>
    </message>
    <message>
        <source>top-r: the r tokens with the largest change at each gate; threshold: every token whose change (L2 norm) exceeds the threshold.</source>
        <translation>top-r: r токенов с наибольшим изменением в каждом гейте; threshold: все токены, изменение которых (норма L2) превышает порог.</translation>
    </message>
    <message>
        <source>Tokens recomputed per gate</source>
        <translation>Токенов пересчитывается на гейт</translation>
    </message>
    <message>
        <source>r for the top-r policy, CLS included; r at or above the token count recomputes every token.</source>
        <translation>r для политики top-r, включая CLS; при r не меньше числа токенов пересчитываются все токены.</translation>
    </message>
    <message>
        <source>Change threshold</source>
        <translation>Порог изменения</translation>
    </message>
    <message>
        <source>For the threshold policy: a token is recomputed when the L2 norm of its change since it was last computed exceeds this.</source>
        <translation>Для политики threshold: токен пересчитывается, когда норма L2 его изменения с момента последнего вычисления превышает это значение.</translation>
    </message>
    <message>
        <source>Attention update</source>
        <translation>Обновление внимания</translation>
    </message>
    <message>
        <source>delta: sparse query-key and delta attention-value updates (the paper&apos;s full method, which keeps old attention weights of unpicked tokens); delta-exact: the same with the softmax renormalised (ours: exact for unchanged tokens, about 1.25x the delta&apos;s attention cost); sparse-qk: only the query-key product is updated sparsely; dense: both products in full.</source>
        <translation>delta: разреженное обновление произведения запрос–ключ и дельта-обновление произведения внимание–значение (полный метод из статьи, сохраняющий старые веса внимания невыбранных токенов); delta-exact: то же с перенормировкой softmax (наш вариант: точен для неизменившихся токенов, стоимость внимания — около 1.25x от delta); sparse-qk: разреженно обновляется только произведение запрос–ключ; dense: оба произведения вычисляются полностью.</translation>
    </message>
    <message>
        <source>Always recompute CLS</source>
        <translation>Всегда пересчитывать CLS</translation>
    </message>
    <message>
        <source>Recompute the CLS token at every gate (not in the paper, whose gates treat it like any token; one token per gate).</source>
        <translation>Пересчитывать CLS-токен в каждом гейте (в статье этого нет: там гейты обрабатывают его как любой другой токен; один токен на гейт).</translation>
    </message>
    <message>
        <source>Keeps the patches the CLS token attends to most; fuses the rest into one token (drops them when fusion is off).</source>
        <translation>Сохраняет патчи, которым CLS-токен уделяет больше всего внимания; остальные сливает в один токен (отбрасывает их, если слияние выключено).</translation>
    </message>
    <message>
        <source>Attention-layer removal</source>
        <translation>Удаление слоёв внимания</translation>
    </message>
    <message>
        <source>Removes the attention sub-blocks whose output has the lowest entropy on calibration images; a removed sub-block computes x = 2x and its MLP still runs. No dilution training.</source>
        <translation>Удаляет подблоки внимания, выход которых имеет наименьшую энтропию на калибровочных изображениях; удалённый подблок вычисляет x = 2x, а MLP блока по-прежнему выполняется. Обучение с разбавлением (dilution) не проводится.</translation>
    </message>
    <message>
        <source>Attention layers removed</source>
        <translation>Число удаляемых слоёв внимания</translation>
    </message>
    <message>
        <source>How many attention sub-blocks to remove, lowest output entropy first.</source>
        <translation>Сколько подблоков внимания удалить, начиная с наименьшей энтропии выхода.</translation>
    </message>
    <message>
        <source>Removed layers</source>
        <translation>Удаляемые слои</translation>
    </message>
    <message>
        <source>0-based blocks whose attention is removed, comma-separated; replaces the count and the ranking when set. Empty: not used.</source>
        <translation>Блоки (нумерация с 0), внимание которых удаляется, через запятую; если задано, заменяет число слоёв и ранжирование. Пусто — не используется.</translation>
    </message>
    <message>
        <source>Images whose attention outputs rank the layers by entropy.</source>
        <translation>Изображения, по энтропии выходов внимания на которых ранжируются слои.</translation>
    </message>
    <message>
        <source>NViT (global Hessian-aware pruning)</source>
        <translation>NViT (глобальный прунинг с учётом гессиана)</translation>
    </message>
    <message>
        <source>Removes heads, query/key and value dims and MLP neurons ranked globally by squared Taylor importance on calibration images, until the GMACs budget is met. One shot, no fine-tuning.</source>
        <translation>Удаляет головы, размерности запросов/ключей и значений и нейроны MLP, глобально ранжированные по квадрату тейлоровской важности на калибровочных изображениях, пока не будет достигнут бюджет GMACs. За один проход, без дообучения.</translation>
    </message>
    <message>
        <source>Prune embedding dims</source>
        <translation>Прунинг размерностей эмбеддинга</translation>
    </message>
    <message>
        <source>Also rank the embedding dims (shared by every block). The normalisation statistics then change, so without fine-tuning accuracy drops more.</source>
        <translation>Также ранжировать размерности эмбеддинга (общие для всех блоков). При этом меняется статистика нормализации, поэтому без дообучения точность падает сильнее.</translation>
    </message>
    <message>
        <source>GMACs budget</source>
        <translation>Бюджет GMACs</translation>
    </message>
    <message>
        <source>Fraction of the model&apos;s dense GMACs the pruned model may cost; the least important units are removed across all blocks until it does.</source>
        <translation>Доля GMACs плотной модели, которую может стоить модель после прунинга; наименее важные элементы удаляются по всем блокам, пока это не будет достигнуто.</translation>
    </message>
    <message>
        <source>Images whose gradients rank the units.</source>
        <translation>Изображения, по градиентам на которых ранжируются элементы.</translation>
    </message>
    <message>
        <source>S²ViTE (structured heads and neurons)</source>
        <translation>S²ViTE (структурный прунинг голов и нейронов)</translation>
    </message>
    <message>
        <source>Removes whole attention heads and MLP neurons with the lowest first-order Taylor importance, ranked across blocks. One shot: the paper&apos;s prune-and-grow training is not run.</source>
        <translation>Удаляет целые головы внимания и нейроны MLP с наименьшей тейлоровской важностью первого порядка, ранжированные по всем блокам. За один проход: обучение «prune-and-grow» из статьи не выполняется.</translation>
    </message>
    <message>
        <source>hMHSA + cFFN</source>
        <translation>hMHSA + cFFN</translation>
    </message>
    <message>
        <source>Computes only some heads&apos; attention maps and mixes the others from them (least squares on calibration images), and factorises each MLP&apos;s output projection by truncated SVD. Training-free approximation of the paper&apos;s trained blocks.</source>
        <translation>Вычисляет карты внимания только части голов, а карты остальных смешивает из них (метод наименьших квадратов на калибровочных изображениях), и факторизует выходную проекцию каждого MLP усечённым SVD. Приближение обученных блоков статьи без обучения.</translation>
    </message>
    <message>
        <source>cFFN rank (share of D)</source>
        <translation>Ранг cFFN (доля от D)</translation>
    </message>
    <message>
        <source>Rank of each factorised MLP output projection as a share t of the embedding dim D (the paper: 2/3). 1 keeps full rank (exact, but costlier than one matrix).</source>
        <translation>Ранг каждой факторизованной выходной проекции MLP как доля t от размерности эмбеддинга D (в статье: 2/3). 1 сохраняет полный ранг (точно, но дороже одной матрицы).</translation>
    </message>
    <message>
        <source>Hallucinated heads (share)</source>
        <translation>Галлюцинируемые головы (доля)</translation>
    </message>
    <message>
        <source>Share of all heads whose attention map is mixed from the computed maps instead of computed, spread over the blocks, best-fitted maps first (the paper: half of every block&apos;s).</source>
        <translation>Доля всех голов, чья карта внимания не вычисляется, а смешивается из вычисленных карт; распределяется по блокам, начиная с лучше всего приближаемых карт (в статье: половина голов каждого блока).</translation>
    </message>
    <message>
        <source>Images the hallucinated maps are fitted on.</source>
        <translation>Изображения, на которых подбираются галлюцинируемые карты.</translation>
    </message>
    <message>
        <source>Search steps</source>
        <translation>Шаги поиска</translation>
    </message>
    <message>
        <source>Adam steps of the mask search over the calibration images (weights frozen); more steps separate important from unimportant units more clearly.</source>
        <translation>Шаги Adam поиска масок по калибровочным изображениям (веса заморожены); чем больше шагов, тем чётче разделяются важные и неважные единицы.</translation>
    </message>
    <message>
        <source>Mask sparsity weight</source>
        <translation>Вес разреженности масок</translation>
    </message>
    <message>
        <source>Weight of the L1 penalty on the masks against the distillation loss during the search.</source>
        <translation>Вес штрафа L1 на маски относительно потерь дистилляции во время поиска.</translation>
    </message>
    <message>
        <source>ViT-Slim (soft-mask search)</source>
        <translation>ViT-Slim (поиск мягких масок)</translation>
    </message>
    <message>
        <source>Learns a soft mask on every head dim and MLP neuron (weights frozen, L1 sparsity, distilling the unpruned model on calibration images), then removes the smallest masks across all blocks until the GMACs budget is met.</source>
        <translation>Обучает мягкую маску на каждой размерности голов и каждом нейроне MLP (веса заморожены, разреженность L1, дистилляция исходной модели на калибровочных изображениях), затем удаляет наименьшие маски по всем блокам, пока не будет достигнут бюджет GMACs.</translation>
    </message>
    <message>
        <source>Search embedding dims</source>
        <translation>Искать размерности эмбеддинга</translation>
    </message>
    <message>
        <source>Also mask and prune the embedding dims (shared by every block).</source>
        <translation>Также маскировать и удалять размерности эмбеддинга (общие для всех блоков).</translation>
    </message>
    <message>
        <source>VTP (dimension pruning with gates)</source>
        <translation>VTP (прунинг размерностей с гейтами)</translation>
    </message>
    <message>
        <source>Removes attention and MLP feature dims whose gate falls under one global threshold. Gates are learned on calibration images (weights frozen), or replaced by each dim&apos;s weight norm.</source>
        <translation>Удаляет размерности признаков внимания и MLP, чей гейт ниже единого глобального порога. Гейты обучаются на калибровочных изображениях (веса заморожены) или заменяются нормой весов каждой размерности.</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>Гейты</translation>
    </message>
    <message>
        <source>learned: L1-penalised gates learned on the calibration images; weight-norm: the untrained stand-in, each dim&apos;s weight magnitude.</source>
        <translation>learned: гейты со штрафом L1, обученные на калибровочных изображениях; weight-norm: замена без обучения — величина весов каждой размерности.</translation>
    </message>
    <message>
        <source>WDPruning (width and depth)</source>
        <translation>WDPruning (ширина и глубина)</translation>
    </message>
    <message>
        <source>Cuts the model after the shallowest block whose linear probe agrees with the full model often enough, then removes heads and MLP neurons by Taylor importance until the GMACs budget is met.</source>
        <translation>Обрезает модель после самого неглубокого блока, линейный зонд которого достаточно часто согласуется с полной моделью, затем удаляет головы и нейроны MLP по тейлоровской важности, пока не будет достигнут бюджет GMACs.</translation>
    </message>
    <message>
        <source>Exit after block</source>
        <translation>Выход после блока</translation>
    </message>
    <message>
        <source>Number of blocks kept (the probe after the last one becomes the head). 0: the shallowest block whose probe reaches the agreement.</source>
        <translation>Число сохраняемых блоков (зонд после последнего становится головой классификатора). 0: самый неглубокий блок, зонд которого достигает согласия.</translation>
    </message>
    <message>
        <source>Probe agreement</source>
        <translation>Согласие зонда</translation>
    </message>
    <message>
        <source>With exit 0: the share of calibration images on which a block&apos;s probe must predict what the full model predicts.</source>
        <translation>При выходе 0: доля калибровочных изображений, на которых зонд блока должен предсказывать то же, что и полная модель.</translation>
    </message>
    <message>
        <source>SPViT (attention to convolution)</source>
        <translation>SPViT (внимание в свёртку)</translation>
    </message>
    <message>
        <source>Turns attention layers into weight-shared 3x3 or 1x1 convolutions, or skips them, choosing per layer the least harmful option until the GMACs budget is met. Untrained approximation: convolutions come from the value projections, fitted on calibration images.</source>
        <translation>Превращает слои внимания в свёртки 3x3 или 1x1 с общими весами или пропускает их, выбирая для каждого слоя наименее вредный вариант, пока не выполнен бюджет GMACs. Приближение без обучения: свёртки строятся из проекций значений и подгоняются на калибровочных изображениях.</translation>
    </message>
    <message>
        <source>Fraction of the model&apos;s dense GMACs the pruned model may cost; below what skipping every attention layer costs, every layer is skipped.</source>
        <translation>Доля плотных GMACs модели, которую может стоить прореженная модель; ниже стоимости пропуска всех слоёв внимания пропускаются все слои.</translation>
    </message>
    <message>
        <source>3x3 conv layers</source>
        <translation>Слои свёртки 3x3</translation>
    </message>
    <message>
        <source>0-based blocks whose attention becomes a 3x3 convolution; with conv1 and skip it replaces the budget search when any is set.</source>
        <translation>Блоки (с 0), чьё внимание становится свёрткой 3x3; вместе с conv1 и skip заменяет поиск по бюджету, если задан хотя бы один.</translation>
    </message>
    <message>
        <source>1x1 conv layers</source>
        <translation>Слои свёртки 1x1</translation>
    </message>
    <message>
        <source>0-based blocks whose attention becomes a 1x1 convolution.</source>
        <translation>Блоки (с 0), чьё внимание становится свёрткой 1x1.</translation>
    </message>
    <message>
        <source>Skipped layers</source>
        <translation>Пропущенные слои</translation>
    </message>
    <message>
        <source>0-based blocks whose attention is skipped (x = x).</source>
        <translation>Блоки (с 0), чьё внимание пропускается (x = x).</translation>
    </message>
    <message>
        <source>Images that fit the convolutions to the attention outputs and measure each choice&apos;s harm.</source>
        <translation>Изображения, на которых свёртки подгоняются к выходам внимания и измеряется вред каждого варианта.</translation>
    </message>
    <message>
        <source>DynamicViT</source>
        <translation>DynamicViT</translation>
    </message>
    <message>
        <source>Learned prediction modules score the patches before the pruning blocks; stage k keeps ratio^k of the original patches with the highest scores.</source>
        <translation>Обученные модули предсказания оценивают патчи перед блоками прунинга; на этапе k сохраняется доля ratio^k исходных патчей с наибольшими оценками.</translation>
    </message>
    <message>
        <source>rho: stage k (k = 1, 2, 3) keeps int(P * rho^k) of the P original patches. Training targets this ratio too.</source>
        <translation>rho: на этапе k (k = 1, 2, 3) сохраняется int(P * rho^k) из P исходных патчей. Обучение также нацелено на эту долю.</translation>
    </message>
    <message>
        <source>0-based blocks before which a prediction module prunes (DeiT: 3,6,9; LV-ViT-S: 4,8,12; LV-ViT-M: 5,10,15); one trained module per block.</source>
        <translation>Блоки (нумерация с 0), перед которыми модуль предсказания выполняет прунинг (DeiT: 3,6,9; LV-ViT-S: 4,8,12; LV-ViT-M: 5,10,15); по одному обученному модулю на блок.</translation>
    </message>
    <message>
        <source>score predictors</source>
        <translation>предикторы оценок</translation>
    </message>
    <message>
        <source>IA-RED²</source>
        <translation>IA-RED²</translation>
    </message>
    <message>
        <source>Learned interpreters before each group of blocks keep the patches whose keep probability reaches the threshold; trained with REINFORCE. No official code is public: this follows the paper.</source>
        <translation>Обученные интерпретаторы перед каждой группой блоков сохраняют патчи, вероятность сохранения которых достигает порога; обучаются методом REINFORCE. Официальный код не опубликован: реализация следует статье.</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>Порог решения</translation>
    </message>
    <message>
        <source>A patch goes on to the next group when its interpreter&apos;s keep probability is at least this (0 = dense; the paper uses 0.5).</source>
        <translation>Патч переходит в следующую группу, если вероятность сохранения, выданная его интерпретатором, не меньше этого значения (0 = плотная модель; в статье используется 0.5).</translation>
    </message>
    <message>
        <source>Cost weight (training)</source>
        <translation>Вес стоимости (обучение)</translation>
    </message>
    <message>
        <source>Training only: the reward is 1 for a correct prediction minus this times the fraction of patches kept; larger learns to keep fewer.</source>
        <translation>Только для обучения: награда равна 1 за верное предсказание минус это значение, умноженное на долю сохранённых патчей; чем больше, тем меньше патчей сохраняется после обучения.</translation>
    </message>
    <message>
        <source>interpreters</source>
        <translation>интерпретаторы</translation>
    </message>
    <message>
        <source>LTP (learned thresholds)</source>
        <translation>LTP (обучаемые пороги)</translation>
    </message>
    <message>
        <source>Drops tokens that receive less attention than a threshold learned per block (LTP&apos;s soft-mask training); the count varies per image. The authors evaluate on BERT only: applying it to ViTs is this app&apos;s adaptation.</source>
        <translation>Отбрасывает токены, получающие меньше внимания, чем порог, обученный для каждого блока (обучение с мягкими масками из LTP); их число зависит от изображения. Авторы оценивают метод только на BERT: применение к ViT — адаптация этого приложения.</translation>
    </message>
    <message>
        <source>Threshold scale</source>
        <translation>Масштаб порогов</translation>
    </message>
    <message>
        <source>Multiplies every learned threshold: 1 = as trained, 0 = dense, larger prunes more.</source>
        <translation>Множитель всех обученных порогов: 1 = как после обучения, 0 = плотная модель; чем больше, тем сильнее прунинг.</translation>
    </message>
    <message>
        <source>Per-block thresholds</source>
        <translation>Пороги по блокам</translation>
    </message>
    <message>
        <source>One threshold per block, relative to the uniform score 1/N, comma-separated; replaces the learned ones when set. Empty: the learned thresholds times the scale.</source>
        <translation>По одному порогу на блок относительно равномерной оценки 1/N, через запятую; если задано, заменяет обученные пороги. Пусто — обученные пороги, умноженные на масштаб.</translation>
    </message>
    <message>
        <source>Keep-ratio weight (training)</source>
        <translation>Вес доли сохраняемых (обучение)</translation>
    </message>
    <message>
        <source>Training only: weight of the mean soft mask in the loss; larger learns higher thresholds.</source>
        <translation>Только для обучения: вес среднего значения мягкой маски в функции потерь; чем больше, тем выше обучаемые пороги.</translation>
    </message>
    <message>
        <source>thresholds</source>
        <translation>пороги</translation>
    </message>
    <message>
        <source>A-ViT</source>
        <translation>A-ViT</translation>
    </message>
    <message>
        <source>Each token halts when the halting scores read from its first channel add up to 1; the prediction is the class token&apos;s halting-weighted output. The backbone is tuned with a ponder loss and a depth prior.</source>
        <translation>Каждый токен останавливается, когда оценки остановки, считываемые с его первого канала, в сумме достигают 1; предсказание — выход CLS-токена, взвешенный по оценкам остановки. Основная сеть дообучается с потерями ponder и априорным распределением глубины.</translation>
    </message>
    <message>
        <source>Gate centre shift</source>
        <translation>Сдвиг центра гейта</translation>
    </message>
    <message>
        <source>Added to the trained gate centre at inference: positive makes tokens halt later (more compute), negative earlier.</source>
        <translation>Прибавляется к обученному центру гейта при инференсе: положительное значение заставляет токены останавливаться позже (больше вычислений), отрицательное — раньше.</translation>
    </message>
    <message>
        <source>Gate scale (training)</source>
        <translation>Масштаб гейта (обучение)</translation>
    </message>
    <message>
        <source>Training only: gamma in h = sigmoid(gamma * x0 - beta), kept in the parts.</source>
        <translation>Только для обучения: gamma в h = sigmoid(gamma * x0 - beta), хранится в компонентах метода.</translation>
    </message>
    <message>
        <source>Gate centre (training)</source>
        <translation>Центр гейта (обучение)</translation>
    </message>
    <message>
        <source>Training only: beta in h = sigmoid(gamma * x0 - beta), kept in the parts.</source>
        <translation>Только для обучения: beta в h = sigmoid(gamma * x0 - beta), хранится в компонентах метода.</translation>
    </message>
    <message>
        <source>Ponder loss weight (training)</source>
        <translation>Вес потерь ponder (обучение)</translation>
    </message>
    <message>
        <source>Training only: weight of the mean token depth; larger halts earlier.</source>
        <translation>Только для обучения: вес средней глубины токенов; чем больше, тем раньше останавливаются токены.</translation>
    </message>
    <message>
        <source>Depth prior weight (training)</source>
        <translation>Вес априорного распределения глубины (обучение)</translation>
    </message>
    <message>
        <source>Training only: weight of the KL between where tokens halt and a Gaussian around two thirds of the depth.</source>
        <translation>Только для обучения: вес KL-дивергенции между распределением мест остановки токенов и гауссианой с центром около двух третей глубины.</translation>
    </message>
    <message>
        <source>halting gates and tuned backbone</source>
        <translation>гейты остановки и дообученная основная сеть</translation>
    </message>
    <message>
        <source>S-ViTE</source>
        <translation>S-ViTE</translation>
    </message>
    <message>
        <source>A learned token selector keeps the top-k patches before block 0; optional unstructured magnitude sparsity of the linear weights, whose GMACs count the non-zeros while the measured time stays dense.</source>
        <translation>Обученный селектор токенов сохраняет top-k патчей перед блоком 0; дополнительно — неструктурированная разреженность линейных весов по величине: GMACs учитывают только ненулевые веса, а измеренное время остаётся как у плотной модели.</translation>
    </message>
    <message>
        <source>Patches kept (top-k)</source>
        <translation>Сохраняемые патчи (top-k)</translation>
    </message>
    <message>
        <source>Share of the patches the selector keeps before block 0 (1 = dense).</source>
        <translation>Доля патчей, сохраняемых селектором перед блоком 0 (1 = плотная модель).</translation>
    </message>
    <message>
        <source>Weight sparsity</source>
        <translation>Разреженность весов</translation>
    </message>
    <message>
        <source>Share of every block&apos;s linear weights zeroed by magnitude (one-shot). GMACs count the non-zeros; dense kernels still multiply the zeros, so the measured time does not drop.</source>
        <translation>Доля линейных весов каждого блока, обнуляемых по величине (за один проход). GMACs учитывают только ненулевые веса; плотные ядра всё равно умножают нули, поэтому измеренное время не уменьшается.</translation>
    </message>
    <message>
        <source>Gumbel temperature (training)</source>
        <translation>Температура Gumbel (обучение)</translation>
    </message>
    <message>
        <source>Training only: temperature of the Gumbel top-k sampling.</source>
        <translation>Только для обучения: температура сэмплирования Gumbel top-k.</translation>
    </message>
    <message>
        <source>token selector</source>
        <translation>веса селектора токенов</translation>
    </message>
</context>
<context>
    <name>vp::OverlayGridFigure</name>
    <message>
        <source>block %1</source>
        <translation>блок %1</translation>
    </message>
</context>
<context>
    <name>vp::ParetoPanel</name>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Measure every chosen method&apos;s settings on the dataset (cached points are reused)</source>
        <translation>Измерить все настройки выбранных методов на наборе данных (точки из кэша используются повторно)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Ожидание</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 — %n finished point(s) kept; Run resumes.</source>
        <translation>
            <numerusform>Отменено: %1 — сохранена %n готовая точка; «Запустить» продолжит.</numerusform>
            <numerusform>Отменено: %1 — сохранены %n готовые точки; «Запустить» продолжит.</numerusform>
            <numerusform>Отменено: %1 — сохранено %n готовых точек; «Запустить» продолжит.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %1 — %n point(s).</source>
        <translation>
            <numerusform>Готово: %1 — %n точка.</numerusform>
            <numerusform>Готово: %1 — %n точки.</numerusform>
            <numerusform>Готово: %1 — %n точек.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep failed: %1</source>
        <translation>Ошибка перебора: %1</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>Модель ещё не загружена.</translation>
    </message>
    <message>
        <source>%1 on %2, %3 images</source>
        <translation>%1 на %2, изображений: %3</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Choose at least one method to sweep.</source>
        <translation>Выберите хотя бы один метод для перебора.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n cached point(s).</source>
        <translation>
            <numerusform>%1 — %n точка в кэше.</numerusform>
            <numerusform>%1 — %n точки в кэше.</numerusform>
            <numerusform>%1 — %n точек в кэше.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — not swept yet; Run measures it.</source>
        <translation>%1 — перебор ещё не выполнялся; «Запустить» выполнит измерения.</translation>
    </message>
    <message>
        <source>Ignored unreadable cache (measured again on Run): %1</source>
        <translation>Нечитаемый кэш пропущен (будет измерен заново по «Запустить»): %1</translation>
    </message>
    <message>
        <source>Loading model and planning settings…</source>
        <translation>Загрузка модели и планирование настроек…</translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation>Перебор: %1…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Отмена после текущего батча…</translation>
    </message>
    <message>
        <source>%1/%2 points</source>
        <translation>точек: %1/%2</translation>
    </message>
    <message>
        <source>%1 — point %2/%3, %4/%5 images</source>
        <translation>%1 — точка %2/%3, изображения %4/%5</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>%1: wait for the running sweep to finish or cancel it</source>
        <translation>%1: дождитесь окончания текущего перебора или отмените его</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3, %4 images — %n point(s).</source>
        <translation>
            <numerusform>%1: %2 на %3, изображений: %4 — %n точка.</numerusform>
            <numerusform>%1: %2 на %3, изображений: %4 — %n точки.</numerusform>
            <numerusform>%1: %2 на %3, изображений: %4 — %n точек.</numerusform>
        </translation>
    </message>
    <message>
        <source>No points yet: choose a dataset and methods, then Run. Each point is one setting evaluated on the dataset; cached points appear at once.</source>
        <translation>Точек пока нет: выберите набор данных и методы, затем нажмите «Запустить». Каждая точка — одна настройка, оценённая на наборе данных; точки из кэша появляются сразу.</translation>
    </message>
    <message>
        <source>Nothing to time yet: Run a sweep (or open a sweep file) first; the latency axis then times each of its points on this machine.</source>
        <translation>Пока нечего замерять: сначала выполните перебор («Запустить») или откройте файл перебора; затем ось задержки замерит каждую его точку на этой машине.</translation>
    </message>
    <message>
        <source> — about %1 s left</source>
        <translation> — осталось около %1 с</translation>
    </message>
    <message>
        <source> — about %1 min left</source>
        <translation> — осталось около %1 мин</translation>
    </message>
</context>
<context>
    <name>vp::ParetoPlot</name>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>точность top-1 (%)</translation>
    </message>
    <message>
        <source>GMACs</source>
        <translation>GMACs</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>плотная модель</translation>
    </message>
    <message>
        <source>current</source>
        <translation>текущая</translation>
    </message>
    <message>
        <source>%1 %2, accuracy %3%</source>
        <translation>%1 %2, точность %3%</translation>
    </message>
    <message>
        <source>Click to load this setting</source>
        <translation>Щёлкните, чтобы загрузить эту настройку</translation>
    </message>
</context>
<context>
    <name>vp::PatchOverlayView</name>
    <message>
        <source>Patch %1 (row %2, col %3)</source>
        <translation>Патч %1 (строка %2, столбец %3)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>сохранён</translation>
    </message>
    <message>
        <source>merged into token %1</source>
        <translation>слит с токеном %1</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>слит</translation>
    </message>
    <message>
        <source>fused into the background token</source>
        <translation>объединён в фоновый токен</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>отброшен</translation>
    </message>
    <message>
        <source>parked (skips blocks, comes back later)</source>
        <translation>отложен (пропускает блоки, вернётся позже)</translation>
    </message>
    <message>
        <source>Fate: %1</source>
        <translation>Судьба: %1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Оценка: %1</translation>
    </message>
    <message>
        <source>Token size: %1</source>
        <translation>Размер токена: %1</translation>
    </message>
    <message>
        <source>reused: not recomputed at this block&apos;s first gate (its q, k, v come from an earlier frame)</source>
        <translation>переиспользован: не пересчитан на первом шлюзе этого блока (его q, k, v взяты из более раннего кадра)</translation>
    </message>
    <message>
        <source>Dropped at block %1</source>
        <translation>Отброшен в блоке %1</translation>
    </message>
    <message>
        <source>Dropped later, at block %1</source>
        <translation>Отброшен позже, в блоке %1</translation>
    </message>
</context>
<context>
    <name>vp::PerImageCostDialog</name>
    <message>
        <source>Per-image cost</source>
        <translation>Стоимость по изображениям</translation>
    </message>
    <message>
        <source>Runs the current method and settings on every image and records what that image cost. Methods whose token counts depend on the image (LTP) spread over many bins; methods that keep a fixed number of tokens (EViT, ToMe, random, …) cost every image the same and show a single bar.</source>
        <translation>Запускает текущий метод с текущими настройками на каждом изображении и записывает, во что обошлось это изображение. Методы, у которых число токенов зависит от изображения (LTP), распределяются по многим интервалам; методы, сохраняющие фиксированное число токенов (EViT, ToMe, random, …), тратят на каждое изображение одинаково и дают один столбец.</translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation>Fashion-MNIST, тестовая выборка (10 000)</translation>
    </message>
    <message>
        <source>Fashion-MNIST train (60,000)</source>
        <translation>Fashion-MNIST, обучающая выборка (60 000)</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation>Папка с отдельной подпапкой изображений для каждого класса</translation>
    </message>
    <message>
        <source>The first N images of the dataset (fewer when it holds fewer)</source>
        <translation>Первые N изображений набора данных (меньше, если в нём меньше изображений)</translation>
    </message>
    <message>
        <source>Histogram bins between the cheapest and the dearest image</source>
        <translation>Интервалы гистограммы между самым дешёвым и самым дорогим изображением</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Интервалов</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Изображений</translation>
    </message>
    <message>
        <source>%v / %m images</source>
        <translation>изображений: %v / %m</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>Экспорт графика…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>Изображения PNG (*.png);;Изображения SVG (*.svg);;Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled before the first batch finished.</source>
        <translation>Отменено до завершения первого батча.</translation>
    </message>
    <message>
        <source>Cancelled: showing the first %1 images.</source>
        <translation>Отменено: показано первых изображений: %1.</translation>
    </message>
    <message>
        <source>Measured %1 images in %2 s.</source>
        <translation>Измерено изображений: %1 за %2 с.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>Ещё не измерено</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt; — dense %3 GMACs per image</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; на &lt;b&gt;%2&lt;/b&gt; — плотная модель: %3 GMACs на изображение</translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation>Папка набора данных (по подпапке на класс)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Отмена после текущего батча…</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%1 на %2, %3</translation>
    </message>
    <message>
        <source>GMACs per image</source>
        <translation>GMACs на изображение</translation>
    </message>
    <message>
        <source>%1 ± %2 (%3% of dense %4) · min %5 · p5 %6 · median %7 · p95 %8 · max %9</source>
        <translation>%1 ± %2 (%3% от плотной модели, %4) · мин. %5 · p5 %6 · медиана %7 · p95 %8 · макс. %9</translation>
    </message>
    <message>
        <source>Tokens per block</source>
        <translation>Токенов на блок</translation>
    </message>
    <message>
        <source>%1 ± %2 (mean over the blocks) · min %3 · max %4</source>
        <translation>%1 ± %2 (среднее по блокам) · мин. %3 · макс. %4</translation>
    </message>
    <message>
        <source>Tokens after the last block</source>
        <translation>Токенов после последнего блока</translation>
    </message>
    <message>
        <source>%1 ± %2 · min %3 · max %4</source>
        <translation>%1 ± %2 · мин. %3 · макс. %4</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Точность top-1</translation>
    </message>
    <message>
        <source>%1% of %2 images</source>
        <translation>%1% (изображений: %2)</translation>
    </message>
    <message>
        <source>Every image cost the same (%1 GMACs): %2 keeps a fixed number of tokens per block, so the histogram is a single bar. Methods with per-image token counts, such as LTP, spread over many bins.</source>
        <translation>Все изображения стоили одинаково (%1 GMACs): %2 сохраняет фиксированное число токенов в каждом блоке, поэтому гистограмма состоит из одного столбца. Методы, у которых число токенов зависит от изображения, например LTP, распределяются по многим интервалам.</translation>
    </message>
    <message>
        <source>%1: nothing measured yet (press Run first)</source>
        <translation>%1: ещё ничего не измерено (сначала нажмите «Запустить»)</translation>
    </message>
</context>
<context>
    <name>vp::PerImageCostWorker</name>
    <message>
        <source>internal error: the per-image worker must live on its own thread</source>
        <translation>внутренняя ошибка: обработчик стоимости по изображениям должен работать в собственном потоке</translation>
    </message>
    <message>
        <source>%1 on %2: internal error: %3</source>
        <translation>%1 на %2: внутренняя ошибка: %3</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 на %2: %3</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Загрузка модели…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>Reading %1 calibration images (Fashion-MNIST train)…</source>
        <translation>Чтение калибровочных изображений: %1 (Fashion-MNIST, обучающая выборка)…</translation>
    </message>
    <message>
        <source>Measuring %1 images…</source>
        <translation>Измерение изображений: %1…</translation>
    </message>
</context>
<context>
    <name>vp::ResultPanel</name>
    <message>
        <source>Prediction (top %1)</source>
        <translation>Предсказание (топ-%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pruned&lt;/b&gt;</source>
        <translation>&lt;b&gt;После прунинга&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dense&lt;/b&gt;</source>
        <translation>&lt;b&gt;Плотная модель&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>GMACs:</source>
        <translation>GMACs:</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>Измерено:</translation>
    </message>
    <message>
        <source>block</source>
        <translation>блок</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>токены</translation>
    </message>
    <message>
        <source>%1  (%2% of dense %3)</source>
        <translation>%1  (%2% от плотной модели, %3)</translation>
    </message>
    <message>
        <source>✔ agrees with dense: %1 (%2% vs %3%)</source>
        <translation>✔ совпадает с плотной моделью: %1 (%2% против %3%)</translation>
    </message>
    <message>
        <source>✘ differs from dense: %1 instead of %2</source>
        <translation>✘ расходится с плотной моделью: %1 вместо %2</translation>
    </message>
    <message>
        <source>Edit schedule</source>
        <translation>Изменить расписание</translation>
    </message>
    <message>
        <source>Show the value every block uses and drag a bar to change it; the method then follows this per-block schedule instead of its main knob.</source>
        <translation>Показать значение, которое использует каждый блок, и менять его перетаскиванием столбца; тогда метод следует этому поблочному расписанию вместо основного параметра.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Clear the per-block schedule: the main knob and its blocks apply again.</source>
        <translation>Очистить поблочное расписание: снова действуют основной параметр и его блоки.</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>после прунинга</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>плотная модель</translation>
    </message>
    <message>
        <source>A per-block schedule is set.</source>
        <translation>Задано поблочное расписание.</translation>
    </message>
    <message>
        <source>Drag a bar to set that block&apos;s value.</source>
        <translation>Перетащите столбец, чтобы задать значение этого блока.</translation>
    </message>
    <message>
        <source>From the main knob; drag a bar to set a per-block schedule.</source>
        <translation>По основному параметру; перетащите столбец, чтобы задать поблочное расписание.</translation>
    </message>
    <message>
        <source>keep ratio</source>
        <translation>доля сохраняемых</translation>
    </message>
    <message>
        <source>r (merged)</source>
        <translation>r (слито)</translation>
    </message>
    <message>
        <source>timing… (once the settings rest; %1, %2 threads)</source>
        <translation>замер… (когда настройки перестанут меняться; %1, потоков: %2)</translation>
    </message>
    <message>
        <source>%1 ms per image (median of %2, timed interleaved with dense; %3, %4 threads)</source>
        <translation>%1 мс на изображение (медиана из %2, замеры чередуются с плотной моделью; %3, потоков: %4)</translation>
    </message>
    <message>
        <source>GMACs promise %1×</source>
        <translation>по GMACs ожидалось %1×</translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up ≈%2× (noisy: %3–%4×; %5)</source>
        <translation>плотная модель %1 мс → ускорение ≈%2× (шумно: %3–%4×; %5)</translation>
    </message>
    <message>
        <source>dense %1 ms → speed-up %2× (range %3–%4×; %5)</source>
        <translation>плотная модель %1 мс → ускорение %2× (диапазон %3–%4×; %5)</translation>
    </message>
    <message>
        <source>Unstructured sparsity: GMACs count the %1% non-zero weights, but dense kernels still multiply the zeros, so the time does not drop.</source>
        <translation>Неструктурированная разреженность: GMACs учитывают %1% ненулевых весов, но плотные ядра всё равно умножают нули, поэтому время не уменьшается.</translation>
    </message>
</context>
<context>
    <name>vp::SidePanel</name>
    <message>
        <source>Token pruning and merging</source>
        <translation>Прунинг и слияние токенов</translation>
    </message>
    <message>
        <source>Structural pruning</source>
        <translation>Структурный прунинг</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>Базовые методы</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>⚠ random weights — stand-in until fashion-vit-tiny is installed. Predictions are meaningless; pruning and costs are real.</source>
        <translation>⚠ случайные веса — временная замена, пока не установлена fashion-vit-tiny. Предсказания бессмысленны; прунинг и стоимость — настоящие.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Target cost in GMACs per image: sets the method&apos;s main knob by bisection, so methods compare at equal cost.</source>
        <translation>Целевая стоимость в GMACs на изображение: основной параметр метода подбирается бисекцией, чтобы методы сравнивались при равной стоимости.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>This method has no main knob to trade cost with.</source>
        <translation>У этого метода нет основного параметра для регулировки стоимости.</translation>
    </message>
    <message>
        <source>≤ %1 GMACs (%2% of dense; reachable %3 – %4)</source>
        <translation>≤ %1 GMACs (%2% от плотной модели; достижимо %3 – %4)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters</source>
        <translation>%1 · %2 · параметров: %3</translation>
    </message>
    <message>
        <source>input %1×%2×%2, patch %3 (%4×%5 patches), %6 blocks, dim %7, %8 heads, %9 classes</source>
        <translation>вход %1×%2×%2, патч %3 (%4×%5 патчей), блоков: %6, размерность %7, голов: %8, классов: %9</translation>
    </message>
    <message>
        <source>reported top-1: %1%</source>
        <translation>заявленная точность top-1: %1%</translation>
    </message>
    <message>
        <source>The per-block schedule (%1) replaces the main knob: clear it (Reset under the chart) to meet a budget.</source>
        <translation>Поблочное расписание (%1) заменяет основной параметр: очистите его (кнопка «Сбросить» под графиком), чтобы уложиться в бюджет.</translation>
    </message>
    <message>
        <source>Not available for this model: it needs trained %1. Train them with Model ▸ Train method parts…, open a parts file with File ▸ Open method parts…, or run:
%2</source>
        <translation>Недоступно для этой модели: нужны обученные %1. Обучите их через «Модель ▸ Обучить компоненты метода…», откройте файл компонентов через «Файл ▸ Открыть компоненты метода…» или выполните:
%2</translation>
    </message>
    <message>
        <source>Cannot apply to this model: %1</source>
        <translation>Неприменим к этой модели: %1</translation>
    </message>
    <message>
        <source>  — needs training</source>
        <translation>  — требует обучения</translation>
    </message>
    <message>
        <source>  — cannot apply</source>
        <translation>  — неприменим</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>компоненты</translation>
    </message>
    <message>
        <source>Where the forwards run, and in which precision. bfloat16 is faster on GPUs and on CPUs with AVX512-BF16; rankings are still taken in float32, but the activations are rounded, so a few images keep other tokens.%1</source>
        <translation>Где выполняются прямые проходы и с какой точностью. bfloat16 быстрее на GPU и на процессорах с AVX512-BF16; ранжирование по-прежнему выполняется во float32, но активации округляются, поэтому на некоторых изображениях сохраняются другие токены.%1</translation>
    </message>
    <message>
        <source> This build of LibTorch has no GPU support: CPU only.</source>
        <translation> Эта сборка LibTorch не поддерживает GPU: только CPU.</translation>
    </message>
</context>
<context>
    <name>vp::SingleImagePage</name>
    <message>
        <source>Open an image: File ▸ Open image…, or drop one here.</source>
        <translation>Откройте изображение: Файл ▸ Открыть изображения…, или перетащите его сюда.</translation>
    </message>
    <message>
        <source>Show after block:</source>
        <translation>Показать после блока:</translation>
    </message>
    <message>
        <source>Which block&apos;s token fates the overlay shows (0-based, as --layer and the methods&apos; block knobs).</source>
        <translation>Для какого блока наложение показывает судьбу токенов (нумерация с 0, как у --layer и у параметров блоков в методах).</translation>
    </message>
    <message>
        <source>Every block: click one (or use ←/→) to show it above</source>
        <translation>Все блоки: щёлкните по одному (или используйте ←/→), чтобы показать его выше</translation>
    </message>
    <message>
        <source>▶ Play blocks</source>
        <translation>▶ Проиграть блоки</translation>
    </message>
    <message>
        <source>Step through the blocks one after another</source>
        <translation>Показать блоки один за другим</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>Патчи</translation>
    </message>
    <message>
        <source>Each patch&apos;s fate after the block: kept, merged, fused, dropped or parked</source>
        <translation>Судьба каждого патча после блока: сохранён, слит, объединён, отброшен или отложен</translation>
    </message>
    <message>
        <source>What each surviving token represents: its features after the block on the dense model&apos;s first three principal components (fitted on this image), as red, green and blue, painted over every patch it holds. Similar colours = similar features; a region without inner lines = one token.</source>
        <translation>Что представляет каждый оставшийся токен: его признаки после блока в проекции на первые три главные компоненты плотной модели (вычисленные по этому изображению), показанные красным, зелёным и синим поверх всех патчей, которые он содержит. Похожие цвета = похожие признаки; область без внутренних линий = один токен.</translation>
    </message>
    <message>
        <source>Open an image to see its token map.</source>
        <translation>Откройте изображение, чтобы увидеть его карту токенов.</translation>
    </message>
    <message>
        <source>R, G, B = the token&apos;s features on the dense model&apos;s principal components 1–3 · one outlined region = one token · hatched = dropped</source>
        <translation>R, G, B = признаки токена по главным компонентам 1–3 плотной модели · одна обведённая область = один токен · штриховка = отброшен</translation>
    </message>
    <message>
        <source>Token map</source>
        <translation>Карта токенов</translation>
    </message>
    <message>
        <source>%1 (%2×%3) — shown as the model sees it: %4×%4 %5</source>
        <translation>%1 (%2×%3) — так, как его видит модель: %4×%4, %5</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>оттенки серого</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>block %1 · no result yet</source>
        <translation>блок %1 · результата пока нет</translation>
    </message>
    <message>
        <source>No token map: %1</source>
        <translation>Нет карты токенов: %1</translation>
    </message>
    <message>
        <source>Computing the token map…</source>
        <translation>Вычисление карты токенов…</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Внимание</translation>
    </message>
    <message>
        <source>Where the CLS token attends in each block and head, and the attention rollout through the blocks, for the dense model and the method side by side</source>
        <translation>Куда направлено внимание CLS-токена в каждом блоке и голове, а также rollout внимания по блокам — для плотной модели и метода рядом</translation>
    </message>
    <message>
        <source>Open an image to see where the CLS token attends.</source>
        <translation>Откройте изображение, чтобы увидеть, куда направлено внимание CLS-токена.</translation>
    </message>
    <message>
        <source>Computing the attention…</source>
        <translation>Вычисление внимания…</translation>
    </message>
    <message>
        <source>No attention view: %1</source>
        <translation>Вид внимания недоступен: %1</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Плотная модель</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>block %1 · %2 · %3</source>
        <translation>блок %1 · %2 · %3</translation>
    </message>
    <message>
        <source> · attention removed</source>
        <translation> · внимание удалено</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>пропуск</translation>
    </message>
    <message>
        <source>Attention skipped (SPViT): the block computes x ← x, then its MLP</source>
        <translation>Внимание пропущено (SPViT): блок вычисляет x ← x, затем свой MLP</translation>
    </message>
    <message>
        <source>conv%1</source>
        <translation>свёртка%1</translation>
    </message>
    <message>
        <source>Attention replaced by a %1×%1 convolution to %2 channels (SPViT), then its MLP</source>
        <translation>Внимание заменено свёрткой %1×%1 в %2 каналов (SPViT), затем MLP</translation>
    </message>
</context>
<context>
    <name>vp::StructureView</name>
    <message>
        <source>&lt;b&gt;Structure kept&lt;/b&gt;</source>
        <translation>&lt;b&gt;Сохранённая структура&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Heads per block (rows): %1 kept · %2 removed · %3 attention removed — counts, not original positions</source>
        <translation>Головы по блокам (строки): %1 сохранены · %2 удалены · %3 внимание удалено — количества, а не исходные позиции</translation>
    </message>
    <message>
        <source>A pruned model&apos;s config records how many heads each block kept, not which of the original heads: the kept heads are drawn as the first cells of their row.</source>
        <translation>Конфигурация модели после прунинга хранит, сколько голов сохранил каждый блок, но не какие из исходных: сохранённые головы нарисованы первыми ячейками строки.</translation>
    </message>
    <message>
        <source>block</source>
        <translation>блок</translation>
    </message>
    <message>
        <source>MLP neurons</source>
        <translation>нейроны MLP</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <source>unpruned</source>
        <translation>без прунинга</translation>
    </message>
    <message>
        <source>Pruned by: %1</source>
        <translation>Прунинг: %1</translation>
    </message>
    <message>
        <source>%1 of %2 heads</source>
        <translation>голов: %1 из %2</translation>
    </message>
    <message>
        <source> · 1 attention sub-block removed</source>
        <translation> · удалён 1 подблок внимания</translation>
    </message>
    <message>
        <source> · %1 attention sub-blocks removed</source>
        <translation> · удалено подблоков внимания: %1</translation>
    </message>
    <message>
        <source> · 1 block cut</source>
        <translation> · отрезан 1 блок</translation>
    </message>
    <message>
        <source> · %1 blocks cut</source>
        <translation> · отрезано блоков: %1</translation>
    </message>
    <message>
        <source> · MLP neurons %1 of %2 (%3%)</source>
        <translation> · нейроны MLP: %1 из %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>vp::SweepSetupForm</name>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Fashion-MNIST test (10,000)</source>
        <translation>Fashion-MNIST, тестовая выборка (10 000)</translation>
    </message>
    <message>
        <source>Fashion-MNIST train</source>
        <translation>Fashion-MNIST, обучающая выборка</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images per class</source>
        <translation>Папка с отдельной подпапкой изображений для каждого класса</translation>
    </message>
    <message>
        <source>Evaluate each setting on the first N images of the dataset</source>
        <translation>Оценивать каждую настройку на первых N изображениях набора данных</translation>
    </message>
    <message>
        <source>Settings per method, evenly spaced in GMACs between its cheapest and dense</source>
        <translation>Число настроек на метод, равномерно распределённых по GMACs от самой дешёвой до плотной модели</translation>
    </message>
    <message>
        <source>Training-free methods to sweep; the dense model is always measured</source>
        <translation>Методы без обучения для перебора; плотная модель измеряется всегда</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Изображений</translation>
    </message>
    <message>
        <source>Points per method</source>
        <translation>Точек на метод</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Методы</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Плотная модель</translation>
    </message>
    <message>
        <source>Dataset folder (one sub-folder per class)</source>
        <translation>Папка набора данных (по подпапке на класс)</translation>
    </message>
    <message>
        <source>Fashion-MNIST has 10 classes; this model has %1</source>
        <translation>В Fashion-MNIST 10 классов, а у этой модели — %1</translation>
    </message>
    <message>
        <source>Fashion-MNIST has 10 classes and this model has %1: its accuracy there means nothing. Choose Dataset ▸ Folder… with one sub-folder of images per class of the model.</source>
        <translation>В Fashion-MNIST 10 классов, а у этой модели — %1: точность на нём ничего не значит. Выберите «Набор данных ▸ Папка…» с отдельной подпапкой изображений для каждого класса модели.</translation>
    </message>
</context>
<context>
    <name>vp::SweepWorker</name>
    <message>
        <source>%1 (set aside as .corrupt; measuring %2 again)</source>
        <translation>%1 (отложен как .corrupt; %2 измеряется заново)</translation>
    </message>
    <message>
        <source>internal error: the sweep worker must live on its own thread</source>
        <translation>внутренняя ошибка: обработчик перебора должен работать в собственном потоке</translation>
    </message>
    <message>
        <source>sweep of %1 on %2: internal error: %3</source>
        <translation>перебор %1 на %2: внутренняя ошибка: %3</translation>
    </message>
    <message>
        <source>sweep of %1 on %2: %3</source>
        <translation>перебор %1 на %2: %3</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>%1 пропущен: %2</translation>
    </message>
</context>
<context>
    <name>vp::TimeBreakdownChart</name>
    <message>
        <source>block (left bar: dense, right bar: pruned)</source>
        <translation>блок (левый столбец — плотная модель, правый — после прунинга)</translation>
    </message>
    <message>
        <source>ms per forward</source>
        <translation>мс на прямой проход</translation>
    </message>
    <message>
        <source>%1 — total %2 ms dense, %3 ms pruned (%4× faster)</source>
        <translation>%1 — всего: плотная модель %2 мс, после прунинга %3 мс (быстрее в %4×)</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>внимание</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>слои MLP</translation>
    </message>
    <message>
        <source>selection / merge ops</source>
        <translation>операции отбора / слияния</translation>
    </message>
    <message>
        <source>other</source>
        <translation>прочее</translation>
    </message>
</context>
<context>
    <name>vp::TimeBreakdownDialog</name>
    <message>
        <source>Time breakdown: %1 on %2</source>
        <translation>Разбивка времени: %1 на %2</translation>
    </message>
    <message>
        <source>Timed forwards of each (dense, pruned); every stage&apos;s figure is the median</source>
        <translation>Число замеряемых прямых проходов для каждой модели (плотной и после прунинга); значение каждого этапа — медиана</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Измерить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Размер батча</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Прогонов</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>Ошибка измерения: %1</translation>
    </message>
    <message>
        <source>Export the time breakdown</source>
        <translation>Экспортировать разбивку времени</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n run(s)…</source>
        <translation>
            <numerusform>Измерение: %n прогон…</numerusform>
            <numerusform>Измерение: %n прогона…</numerusform>
            <numerusform>Измерение: %n прогонов…</numerusform>
        </translation>
    </message>
    <message>
        <source>, batch %1</source>
        <translation>, батч %1</translation>
    </message>
    <message>
        <source>Blocks: attention %1 → %2 ms, MLP %3 → %4 ms, selection/merge ops %5 ms, other %6 → %7 ms. GMACs %8 → %9 (%10× fewer); time %11 → %12 ms (%13× faster). </source>
        <translation>Блоки: внимание %1 → %2 мс, MLP %3 → %4 мс, операции отбора/слияния %5 мс, прочее %6 → %7 мс. GMACs %8 → %9 (меньше в %10×); время %11 → %12 мс (быстрее в %13×). </translation>
    </message>
    <message>
        <source>The method&apos;s own ops and bookkeeping take back %1 ms of the %2 ms that attention and MLP save (%3%).</source>
        <translation>Собственные операции метода и служебные расчёты отнимают %1 мс из %2 мс, сэкономленных на внимании и MLP (%3%).</translation>
    </message>
    <message numerus="yes">
        <source> Median of %n run(s), %1 thread(s), %2; stage timers wait for the device, so totals run a little slower than an untimed forward.</source>
        <translation>
            <numerusform> Медиана по %n прогону, потоков: %1, %2; таймеры этапов дожидаются завершения работы устройства, поэтому итоговое время немного больше, чем у прямого прохода без замеров.</numerusform>
            <numerusform> Медиана по %n прогонам, потоков: %1, %2; таймеры этапов дожидаются завершения работы устройства, поэтому итоговое время немного больше, чем у прямого прохода без замеров.</numerusform>
            <numerusform> Медиана по %n прогонам, потоков: %1, %2; таймеры этапов дожидаются завершения работы устройства, поэтому итоговое время немного больше, чем у прямого прохода без замеров.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nothing measured yet</source>
        <translation>%1: ещё ничего не измерено</translation>
    </message>
    <message>
        <source>%1: export as PNG, SVG, PDF, JSON or text (.txt)</source>
        <translation>%1: поддерживается экспорт в PNG, SVG, PDF, JSON или текст (.txt)</translation>
    </message>
</context>
<context>
    <name>vp::TokenMapView</name>
    <message>
        <source>Patch %1 (row %2, col %3), block %4</source>
        <translation>Патч %1 (строка %2, столбец %3), блок %4</translation>
    </message>
    <message>
        <source>Dropped: no token carries it any more</source>
        <translation>Отброшен: его больше не несёт ни один токен</translation>
    </message>
    <message>
        <source>Parked: set aside, not in this block&apos;s tokens</source>
        <translation>Отложен: убран в сторону и не входит в токены этого блока</translation>
    </message>
    <message>
        <source>Token %1, shared by %2 patches</source>
        <translation>Токен %1, общий для патчей: %2</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Токен %1</translation>
    </message>
    <message>
        <source>Colour %1 (R, G, B = its features on the dense model&apos;s principal components 1, 2, 3)</source>
        <translation>Цвет %1 (R, G, B = его признаки по главным компонентам 1, 2, 3 плотной модели)</translation>
    </message>
</context>
<context>
    <name>vp::TrainPartsDialog</name>
    <message>
        <source>Train method parts for %1</source>
        <translation>Обучение компонентов метода для %1</translation>
    </message>
    <message>
        <source>The first N images of the Fashion-MNIST train split</source>
        <translation>Первые N изображений обучающей выборки Fashion-MNIST</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Resume the interrupted run in this folder</source>
        <translation>Продолжить прерванный запуск в этой папке</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Обучить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпох</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Обучающих изображений</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Папка для результатов</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Ошибка обучения: %1</translation>
    </message>
    <message>
        <source>Cancelled: finished epochs are kept; tick Resume to continue</source>
        <translation>Отменено: завершённые эпохи сохранены; чтобы продолжить, отметьте «Продолжить»</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>No registered method has learned parts.</source>
        <translation>Ни у одного зарегистрированного метода нет обучаемых компонентов.</translation>
    </message>
    <message>
        <source>Recipe: %1. Scored after every epoch on 2,000 test images; the dense model is the teacher.</source>
        <translation>Рецепт: %1. Оценка после каждой эпохи на 2 000 тестовых изображений; учитель — плотная модель.</translation>
    </message>
    <message>
        <source>Same as: %1</source>
        <translation>Эквивалентная команда: %1</translation>
    </message>
    <message>
        <source>Loading the model and Fashion-MNIST…</source>
        <translation>Загрузка модели и Fashion-MNIST…</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4, loss %5, %6 img/s</source>
        <translation>Эпоха %1/%2, шаг %3/%4, потери %5, %6 изобр./с</translation>
    </message>
    <message>
        <source>Wrote %1 (test top-1 %2%); the studio now uses it.</source>
        <translation>Записан файл %1 (top-1 на тестовой выборке: %2%); теперь студия использует его.</translation>
    </message>
</context>
<context>
    <name>vp::Translations</name>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
</context>
<context>
    <name>vp::VideoPage</name>
    <message>
        <source>Export video…</source>
        <translation>Экспорт видео…</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>Экспорт данных…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Open a video (File ▸ Open video…) or drop one here.</source>
        <translation>Откройте видео (Файл ▸ Открыть видео…) или перетащите его сюда.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Блок</translation>
    </message>
    <message>
        <source>0-based block whose patch fates are shown</source>
        <translation>Блок (нумерация с 0), для которого показана судьба патчей</translation>
    </message>
    <message>
        <source>%1: the video ended early (truncated or damaged file)</source>
        <translation>%1: видео закончилось раньше времени (файл обрезан или повреждён)</translation>
    </message>
    <message>
        <source>Export overlaid video</source>
        <translation>Экспорт видео с наложением</translation>
    </message>
    <message>
        <source>Motion-JPEG video (*.avi)</source>
        <translation>Видео Motion-JPEG (*.avi)</translation>
    </message>
    <message>
        <source>Export per-frame data</source>
        <translation>Экспорт покадровых данных</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>Файлы CSV (*.csv);;Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>same as dense</source>
        <translation>как у плотной модели</translation>
    </message>
    <message>
        <source>dense says %1</source>
        <translation>у плотной модели: %1</translation>
    </message>
    <message>
        <source>Frame %1 · %2 %3 · %4 GMACs (dense %5) · %6 ms (dense %7) · top-1 %8 (%9%, %10) · dropped frames %11</source>
        <translation>Кадр %1 · %2 %3 · %4 GMACs (плотная модель: %5) · %6 мс (плотная модель: %7) · top-1 %8 (%9%, %10) · пропущено кадров: %11</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; recomputed</source>
        <translation>пересчитано &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; kept</source>
        <translation>сохранено &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1f4fa0&apos;&gt;■&lt;/span&gt; &lt;b&gt;%1&lt;/b&gt; reused from earlier frames</source>
        <translation>&lt;span style=&apos;color:#1f4fa0&apos;&gt;■&lt;/span&gt; переиспользовано &lt;b&gt;%1&lt;/b&gt; из предыдущих кадров</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; merged</source>
        <translation>слито &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; fused</source>
        <translation>объединено &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; dropped</source>
        <translation>отброшено &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; parked</source>
        <translation>отложено &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>After block %1: %2</source>
        <translation>После блока %1: %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: не удалось записать: %2</translation>
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
        <translation>GMACs плотной модели</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>dense ms</source>
        <translation>мс плотной модели</translation>
    </message>
    <message>
        <source>top-1 ≠ dense</source>
        <translation>top-1 ≠ плотная модель</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>кадр</translation>
    </message>
</context>
<context>
    <name>vp::VideoTransport</name>
    <message>
        <source>Loop</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Воспроизвести</translation>
    </message>
    <message>
        <source>Play or pause the video (Space)</source>
        <translation>Воспроизвести или приостановить видео (Пробел)</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>Шаг ▸</translation>
    </message>
    <message>
        <source>Next frame (while paused)</source>
        <translation>Следующий кадр (на паузе)</translation>
    </message>
    <message>
        <source>Reset stream</source>
        <translation>Сбросить поток</translation>
    </message>
    <message>
        <source>Forget the previous frames: a video method computes the next frame densely again</source>
        <translation>Забыть предыдущие кадры: видеометод снова вычислит следующий кадр плотно</translation>
    </message>
    <message>
        <source>Seek (a jump resets the stream)</source>
        <translation>Перемотка (переход сбрасывает поток)</translation>
    </message>
    <message>
        <source>Playback speed (frames the model cannot keep up with are dropped, and counted)</source>
        <translation>Скорость воспроизведения (кадры, которые модель не успевает обработать, пропускаются и подсчитываются)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Пауза</translation>
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
        <translation>Кадр %1: %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Экспорт отменён; файл %1 не записан.</translation>
    </message>
    <message>
        <source>Wrote %1 frames to %2</source>
        <translation>В %2 записано кадров: %1</translation>
    </message>
</context>
</TS>
