#pragma once
// The video page's transport: play/pause, step, a seek slider with the frame number, speed, loop
// and "Reset stream" (a video method's next frame is computed densely again). Emits what the user
// asks for; the page reflects the player's state back with the set* calls (which emit nothing).
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace vp {

class VideoTransport : public QWidget {
    Q_OBJECT
public:
    explicit VideoTransport(QWidget* parent = nullptr);

    // -1: unknown length (cameras): the seek slider is disabled.
    void setFrameCount(qint64 count);
    void setPosition(qint64 frame);
    void setPlaying(bool playing);
    bool playing() const { return m_playing; }
    double speed() const;
    bool loop() const;
    void setSpeed(double speed);
    void setLoop(bool loop);

    QToolButton* playButton() const { return m_play; }
    QSlider* seekSlider() const { return m_seek; }

Q_SIGNALS:
    void playRequested(bool play);
    void stepRequested();
    void seekRequested(qint64 frame);
    void speedChanged(double speed);
    void loopChanged(bool loop);
    void resetRequested();

private:
    QToolButton* m_play;
    QToolButton* m_step;
    QToolButton* m_reset;
    QSlider* m_seek;
    QLabel* m_frame;
    QComboBox* m_speed;
    QCheckBox* m_loop;
    qint64 m_count = -1;
    bool m_playing = false;
};

}  // namespace vp
