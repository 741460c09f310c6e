#pragma once
// A ViT (timm VisionTransformer / DeiT semantics) over plain tensors. One block implementation
// serves the dense path, every token method (through PruneMethod hooks) and training (autograd
// records through the same ATen ops). Callers set c10::InferenceMode for inference.
#include <ATen/ATen.h>
#include <functional>
#include <string>
#include <vector>

#include "model/stage_times.h"
#include "model/tensor_map.h"
#include "model/vit_config.h"
#include "model/vit_weights.h"
#include "prune/token_trace.h"

namespace vp {

class PruneMethod;
struct TokenState;
struct AttnNeeds;
struct AttnContext;

// One block's attention as the forward computed it (ForwardOptions::attention).
struct BlockAttention {
    int layer = 0;
    at::Tensor probs;         // [B,H,N,N] softmax probabilities, detached; undefined: the block has no attention
    at::Tensor patchToToken;  // [B,P] each original patch's token in that attention (TokenState's convention:
                              // -1 dropped, <= -2 parked); undefined when the forward did not track patches
};

// How attention runs when a method needs no attention map (model/vit_model.cpp). Auto: the fused
// scaled-dot-product kernel where the LibTorch has one (2.x, common/torch_compat.h), the explicit
// ops otherwise. Explicit / Fused force one path (tests compare them; Fused falls back to the
// same maths on 1.13, still computing the class token's row on its own).
enum class AttentionKernel { Auto, Explicit, Fused };

struct ForwardOptions {
    TraceLevel trace = TraceLevel::Counts;
    // Set: receives each block's output tokens (state.x after the block and the method's hooks,
    // detached, [B,N,C], the same moment the trace records), for analysis (token map). Null on
    // the normal path, which then does no extra work.
    std::vector<at::Tensor>* layerTokens = nullptr;
    // Set: receives each block's attention probabilities (the map the attention step computes
    // anyway) and where the patches were in it, for the attention views. Null: no extra work.
    // Methods that compute blocks their own way (PruneMethod::replacesBlocks) add nothing.
    std::vector<BlockAttention>* attention = nullptr;
    // Set: asked before every block; true abandons the forward (vp::Abandoned is thrown, the
    // method's stream state reset). The studio's slider drags: a forward that a newer request
    // made stale stops between blocks instead of finishing.
    std::function<bool()> abandon;
    // Set: receives the time of each stage of each block (model/stage_times.h).
    StageTimes* stageTimes = nullptr;
    // Video: the images are the next frames of the streams the method saw in its previous forward
    // (stateful methods such as the Eventful Transformer reuse what did not change). Off: every
    // forward stands alone (PruneMethod::resetStream first), which is what images, datasets and
    // timing loops need.
    bool continueStream = false;
};

struct ForwardResult {
    at::Tensor logits;  // [B, classes], float32
    TokenTrace trace;
};

// SPViT's conv stand-in up to the map back to C: ReLU(Conv_kxk(patches of xNorm)) [B, P, D], the
// patches (after `prefix` tokens) laid out on the gridH x gridW grid, zero padding (k/2).
at::Tensor convStandInHidden(const at::Tensor& xNorm, const at::Tensor& convW, const at::Tensor& convB, int64_t prefix,
                             int64_t gridH, int64_t gridW);

class ViTModel {
public:
    ViTModel() = default;
    ViTModel(ViTConfig config, ViTWeights weights);

    const ViTConfig& config() const { return m_config; }
    ViTConfig& config() { return m_config; }
    const ViTWeights& weights() const { return m_weights; }
    AttentionKernel attentionKernel() const { return m_attentionKernel; }
    void setAttentionKernel(AttentionKernel kernel) { m_attentionKernel = kernel; }
    bool usesFusedAttention() const;
    ViTWeights& weights() { return m_weights; }
    std::string origin() const { return m_origin; }  // file or name it came from
    void setOrigin(std::string origin) { m_origin = std::move(origin); }
    // Checkpoint family it was read as (timm, torchvision, huggingface, random, ...).
    std::string family() const { return m_family; }
    void setFamily(std::string family) { m_family = std::move(family); }
    // Checkpoint tensors that are not part of the backbone (a method's learned parts, e.g.
    // DynamicViT's score_predictor.*), by their checkpoint key.
    const TensorMap& extras() const { return m_extras; }
    TensorMap& extras() { return m_extras; }
    // The file an extra tensor was read from: a parts file (model/method_parts.h) or origin().
    std::string extraOrigin(const std::string& key) const;
    void setExtraOrigin(const std::string& key, std::string file) { m_extraFiles[key] = std::move(file); }

    // Checks every tensor's shape against the config; throws vp::Error naming `origin`.
    void validate() const;

    // images: [B, inChans, H, W] normalised. H, W multiples of the patch size; position
    // embeddings are resampled (bicubic, as timm) when the grid differs from the config's.
    at::Tensor forward(const at::Tensor& images) const;
    ForwardResult forward(const at::Tensor& images, PruneMethod& method, const ForwardOptions& options = {}) const;

    // A copy on another device / dtype (weights only; the config is shared).
    ViTModel to(const at::Device& device, at::ScalarType dtype = at::kFloat) const;
    at::Device device() const;
    at::ScalarType dtype() const;
    int64_t parameterCount() const;

    // Building blocks, public for methods and training.
    at::Tensor embed(const at::Tensor& images) const;  // [B, prefix+P, C]
    // The tokens a forward starts from: embed(images), the prefix count and the patch grid.
    TokenState embedTokens(const at::Tensor& images, bool tracking) const;
    at::Tensor attention(int layer, const at::Tensor& xNorm, const TokenState& state, const AttnNeeds& needs,
                         AttnContext& ctx) const;  // projected output
    at::Tensor mlp(int layer, const at::Tensor& xNorm) const;
    // Block `layer`'s MLP residual update for state.x (norm2, then mlp). A padded batch (per-image
    // counts, TokenState::valid) runs it on its real tokens only, packed into one matrix, so the
    // padding costs no MLP work; padding slots get a zero update.
    at::Tensor mlpUpdate(int layer, const TokenState& state) const;
    // The tokens after block `layer`'s removed attention sub-block (BlockWeights::standIn): 2x, x or
    // x + Conv(LN(x)). The conv needs every patch in grid order: throws vp::Error when a token
    // method dropped or merged some.
    at::Tensor removedAttention(int layer, const TokenState& state) const;
    at::Tensor head(const TokenState& state) const;  // final norm + pool + head

private:
    at::Tensor positionEmbedding(int64_t gridH, int64_t gridW) const;
    ViTConfig m_config;
    ViTWeights m_weights;
    std::string m_origin;
    std::string m_family;
    TensorMap m_extras;
    std::map<std::string, std::string> m_extraFiles;  // key -> parts file, where not origin()
    AttentionKernel m_attentionKernel = AttentionKernel::Auto;
};

}  // namespace vp
