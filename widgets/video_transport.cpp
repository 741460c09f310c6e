#include "widgets/video_transport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

namespace vp {

VideoTransport::VideoTransport(QWidget* parent)
    : QWidget(parent), m_play(new QToolButton(this)), m_step(new QToolButton(this)), m_reset(new QToolButton(this)),
      m_seek(new QSlider(Qt::Horizontal, this)), m_frame(new QLabel(this)), m_speed(new QComboBox(this)),
      m_loop(new QCheckBox(tr("Loop"), this)) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_play->setText(tr("▶ Play"));
    m_play->setToolTip(tr("Play or pause the video (Space)"));
    m_play->setShortcut(QKeySequence(Qt::Key_Space));
    m_step->setText(tr("Step ▸"));
    m_step->setToolTip(tr("Next frame (while paused)"));
    m_reset->setText(tr("Reset stream"));
    m_reset->setToolTip(tr("Forget the previous frames: a video method computes the next frame densely again"));
    m_seek->setToolTip(tr("Seek (a jump resets the stream)"));
    for (double s : {0.25, 0.5, 1.0, 2.0, 4.0}) m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Playback speed (frames the model cannot keep up with are dropped, and counted)"));
    m_frame->setMinimumWidth(m_frame->fontMetrics().horizontalAdvance(QStringLiteral("000000 / 000000")));
    row->addWidget(m_play);
    row->addWidget(m_step);
    row->addWidget(m_seek, 1);
    row->addWidget(m_frame);
    row->addWidget(m_speed);
    row->addWidget(m_loop);
    row->addWidget(m_reset);

    connect(m_play, &QToolButton::clicked, this, [this] { Q_EMIT playRequested(!m_playing); });
    connect(m_step, &QToolButton::clicked, this, &VideoTransport::stepRequested);
    connect(m_reset, &QToolButton::clicked, this, &VideoTransport::resetRequested);
    // Seek when the user lets go (or clicks/keys), not on every pixel of a drag.
    connect(m_seek, &QSlider::sliderReleased, this, [this] { Q_EMIT seekRequested(m_seek->value()); });
    connect(m_seek, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove) Q_EMIT seekRequested(m_seek->sliderPosition());
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { Q_EMIT speedChanged(m_speed->itemData(i).toDouble()); });
    connect(m_loop, &QCheckBox::toggled, this, &VideoTransport::loopChanged);
    setFrameCount(-1);
}

void VideoTransport::setFrameCount(qint64 count) {
    m_count = count;
    const QSignalBlocker block(m_seek);
    m_seek->setEnabled(count > 1);
    m_seek->setRange(0, static_cast<int>(std::max<qint64>(0, count - 1)));
    setPosition(0);
}

void VideoTransport::setPosition(qint64 frame) {
    if (!m_seek->isSliderDown()) {
        const QSignalBlocker block(m_seek);
        m_seek->setValue(static_cast<int>(frame));
    }
    m_frame->setText(m_count > 0 ? QStringLiteral("%1 / %2").arg(frame).arg(m_count - 1) : QString::number(frame));
}

void VideoTransport::setPlaying(bool playing) {
    m_playing = playing;
    m_play->setText(playing ? tr("❚❚ Pause") : tr("▶ Play"));
    m_step->setEnabled(!playing);
}

double VideoTransport::speed() const { return m_speed->currentData().toDouble(); }
bool VideoTransport::loop() const { return m_loop->isChecked(); }

void VideoTransport::setSpeed(double speed) {
    const int i = m_speed->findData(speed);
    if (i >= 0) m_speed->setCurrentIndex(i);
}

void VideoTransport::setLoop(bool loop) { m_loop->setChecked(loop); }

}  // namespace vp
