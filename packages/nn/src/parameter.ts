/**
 * `nn.Parameter`: a tensor a Module owns and an optimizer updates (PyTorch's
 * `torch.nn.Parameter`). It requires grad unless told otherwise; optimizers write new
 * values into `param.data` in place, so views of it held elsewhere see the update.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/**
 * A learnable tensor. `new nn.Parameter(np.zeros(3))` wraps the array without copying,
 * as PyTorch's `nn.Parameter(tensor)` shares the tensor's storage.
 *
 * @example
 * const w = new nn.Parameter(np.ones([2, 3]));
 * w.requiresGrad; // true
 */
export class Parameter extends ag.Tensor {
  constructor(data: np.NDArray | ag.Tensor, requiresGrad = true) {
    super(data instanceof ag.Tensor ? data.data : data, requiresGrad);
  }
}
