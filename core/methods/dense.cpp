// Dense baseline: the unpruned ViT (Dosovitskiy et al., ICLR 2021; Touvron et al., DeiT, ICML 2021).
#include "methods/builtin_methods.h"

namespace vp {
namespace {

class DenseMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "dense";
        s.name = VP_TEXT("vp::Methods", "Dense (no pruning)");
        s.paper = "Dosovitskiy et al., An Image is Worth 16x16 Words, ICLR 2021";
        s.family = "baseline";
        s.help = VP_TEXT("vp::Methods", "The unpruned model: every patch goes through every block.");
        return s;
    }
    void configure(const KnobValues&) override {}
};

}  // namespace

MethodPtr makeDenseMethod() { return std::make_unique<DenseMethod>(); }

}  // namespace vp
