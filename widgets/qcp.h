#pragma once
// Include QCustomPlot through this header. vp_widgets builds with QT_NO_KEYWORDS (Torch uses the
// word `slots`), but qcustomplot.h still says `signals:` and `foreach`: map them for this header only.
#ifndef signals
#define signals Q_SIGNALS
#define VP_QCP_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define VP_QCP_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef VP_QCP_UNDEF_SIGNALS
#undef signals
#undef VP_QCP_UNDEF_SIGNALS
#endif
#ifdef VP_QCP_UNDEF_FOREACH
#undef foreach
#undef VP_QCP_UNDEF_FOREACH
#endif
