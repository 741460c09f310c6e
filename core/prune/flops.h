#pragma once
// GMACs in the fvcore convention the papers use: multiply-adds of linear layers, the patch
// embedding and the two attention matmuls; softmax, norms and activations ignored.
// Block with N_a tokens in attention and N_m in the MLP:
//   N_a*C*(2Q + A) + N_a^2*(Q + A) + N_a*A*C + 2*N_m*C*H
// (Q = heads*qk dim, A = heads*v dim, H = MLP hidden), which is 12*N*C^2 + 2*N^2*C for a dense
// block (Q = A = C, H = 4C). A removed attention sub-block costs nothing (x <- 2x or x <- x).
#include <vector>

#include "model/vit_config.h"
#include "prune/token_trace.h"

namespace vp {

class ViTModel;

struct BlockDims {
    int attnDim;  // A: value width (the projection's input)
    int mlpHidden;
    bool attention = true;
    int qkDim = -1;  // Q: query/key width; -1: same as attnDim
    // hMHSA: heads with a map in all, of which mapHeads computed; the rest mix those maps
    // (N^2 * mapHeads MACs each). cFFN: fc2 at this rank costs N*(H*r + r*C) instead of N*H*C.
    int heads = 0, mapHeads = 0;
    int fc2Rank = 0;
    // SPViT's conv stand-in (attention == false): a k x k conv C -> D and a linear D -> C over the
    // patch tokens only (attnTokens - prefixTokens): P*C*D*(k^2 + 1), as SPViT counts it.
    int convKernel = 0, convDim = 0, prefixTokens = 1;
    double linearDensity = 1.0;  // BlockWeights::linearDensity: scales the linear layers' MACs
};
BlockDims dimsOf(const BlockWidth& width);

double blockMacs(int embedDim, const BlockDims& dims, double attnTokens, double mlpTokens);
double denseMacs(const ViTConfig& config);
double denseMacs(const ViTModel& model);
// What a traced forward did, per sample (batch order): stem, head, every block at the sample's own
// token counts, and the method's own learned parts. Dynamic methods (LTP) differ per sample.
std::vector<double> sampleMacs(const ViTModel& model, const TokenTrace& trace);
// Mean over the batch of sampleMacs.
double traceMacs(const ViTModel& model, const TokenTrace& trace);
// Mean over the blocks of BlockWeights::linearDensity (1 unless weights were pruned unstructured).
double meanLinearDensity(const ViTModel& model);
inline double toG(double macs) { return macs / 1e9; }

}  // namespace vp
