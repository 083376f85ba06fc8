# The optimizers' update rules written independently in NumPy, following PyTorch's
# documented algorithms (torch.optim docs and the `_single_tensor_*` functions), and the
# schedulers and gradient clipping. Sent to the NumPy oracle by test/properties/optim.test.ts
# and packages/nn/test/optim-*.test.ts; shares no code with packages/nn/src.
#
# Conventions checked: SGD's momentum buffer starts as a copy of the first gradient (no
# dampening), Nesterov uses g + mu * buf, weight decay is added to the gradient (L2) except
# in AdamW (p *= 1 - lr * wd first); Adam divides by sqrt(v) / sqrt(1 - beta2^t) + eps
# (eps after the bias correction) with step size lr / (1 - beta1^t), AMSGrad keeps the max of
# the uncorrected v; RMSprop adds eps outside the root, centered subtracts the squared mean
# gradient; Adagrad decays the lr as lr / (1 + (t - 1) * lr_decay).


def sgd(p, g, s, h):
    g = -g if h["maximize"] else g
    if h["weightDecay"] != 0:
        g = g + h["weightDecay"] * p
    mu = h["momentum"]
    if mu != 0:
        if "buf" not in s:
            s["buf"] = g.copy()
        else:
            s["buf"] = mu * s["buf"] + (1 - h["dampening"]) * g
        g = g + mu * s["buf"] if h["nesterov"] else s["buf"]
    p -= h["lr"] * g


def adagrad(p, g, s, h):
    if "sum" not in s:
        s["sum"] = np.full_like(p, h["initialAccumulatorValue"])
        s["t"] = 0
    s["t"] += 1
    g = -g if h["maximize"] else g
    if h["weightDecay"] != 0:
        g = g + h["weightDecay"] * p
    clr = h["lr"] / (1 + (s["t"] - 1) * h["lrDecay"])
    s["sum"] = s["sum"] + g * g
    p -= clr * g / (np.sqrt(s["sum"]) + h["eps"])


def rmsprop(p, g, s, h):
    if "v" not in s:
        s["v"] = np.zeros_like(p)
        s["gbar"] = np.zeros_like(p)
        s["buf"] = np.zeros_like(p)
    g = -g if h["maximize"] else g
    if h["weightDecay"] != 0:
        g = g + h["weightDecay"] * p
    a = h["alpha"]
    s["v"] = a * s["v"] + (1 - a) * g * g
    if h["centered"]:
        s["gbar"] = a * s["gbar"] + (1 - a) * g
        avg = np.sqrt(s["v"] - s["gbar"] ** 2) + h["eps"]
    else:
        avg = np.sqrt(s["v"]) + h["eps"]
    if h["momentum"] > 0:
        s["buf"] = h["momentum"] * s["buf"] + g / avg
        p -= h["lr"] * s["buf"]
    else:
        p -= h["lr"] * g / avg


def adam_common(p, g, s, h, decoupled):
    if "m" not in s:
        s["m"] = np.zeros_like(p)
        s["v"] = np.zeros_like(p)
        s["vmax"] = np.zeros_like(p)
        s["t"] = 0
    g = -g if h["maximize"] else g
    s["t"] += 1
    t = s["t"]
    lr, wd = h["lr"], h["weightDecay"]
    b1, b2 = h["betas"]
    if wd != 0:
        if decoupled:
            p *= 1 - lr * wd
        else:
            g = g + wd * p
    s["m"] = b1 * s["m"] + (1 - b1) * g
    s["v"] = b2 * s["v"] + (1 - b2) * g * g
    if h["amsgrad"]:
        s["vmax"] = np.maximum(s["vmax"], s["v"])
        v = s["vmax"]
    else:
        v = s["v"]
    denom = np.sqrt(v) / np.sqrt(1 - b2**t) + h["eps"]
    p -= (lr / (1 - b1**t)) * s["m"] / denom


def adam(p, g, s, h):
    adam_common(p, g, s, h, False)


def adamw(p, g, s, h):
    adam_common(p, g, s, h, True)


UPDATES = {"SGD": sgd, "Adagrad": adagrad, "RMSprop": rmsprop, "Adam": adam, "AdamW": adamw}


def gradients(objective, params, consts):
    if objective == "quadratic":
        w, M = params
        return [consts["A"] @ w - consts["b"], consts["a"] * M - consts["c"]]
    if objective == "rosenbrock":
        x, y = params
        r = y - x * x
        return [-2 * (1 - x) - 400 * x * r, 200 * r]
    raise ValueError(objective)


def trajectory(kind, groups, params0, objective, consts, steps):
    """Runs `steps` steps; row t holds every parameter (flattened, in order) after step t+1.
    `groups`: [{"idx": [param indices], hyperparameters...}]; gradients are all taken at
    the same point before any update, as backward() then step() does."""
    params = [np.array(p, dtype=np.float64) for p in params0]
    states = [dict() for _ in params]
    rows = []
    for _ in range(steps):
        grads = gradients(objective, params, consts)
        for grp in groups:
            for i in grp["idx"]:
                UPDATES[kind](params[i], grads[i], states[i], grp)
        rows.append(np.concatenate([p.ravel() for p in params]))
    return np.array(rows)


def reduce_lr_on_plateau(lrs, metrics, mode, factor, patience, threshold, threshold_mode, cooldown, min_lrs, eps):
    """The learning rates of every group after each step(metric), PyTorch's algorithm."""
    lrs = list(lrs)
    best = np.inf if mode == "min" else -np.inf
    bad = 0
    cool = 0
    out = []
    for cur in metrics:
        if mode == "min" and threshold_mode == "rel":
            better = cur < best * (1 - threshold)
        elif mode == "min":
            better = cur < best - threshold
        elif threshold_mode == "rel":
            better = cur > best * (threshold + 1)
        else:
            better = cur > best + threshold
        if better:
            best = cur
            bad = 0
        else:
            bad += 1
        if cool > 0:
            cool -= 1
            bad = 0
        if bad > patience:
            for i in range(len(lrs)):
                new = max(lrs[i] * factor, min_lrs[i])
                if lrs[i] - new > eps:
                    lrs[i] = new
            cool = cooldown
            bad = 0
        out.append(list(lrs))
    return out


def clip_grad_norm(grads, max_norm, norm_type):
    """PyTorch's clip_grad_norm_: (total norm, clipped gradients)."""
    norms = [np.linalg.norm(g.ravel(), norm_type) for g in grads]
    total = float(np.linalg.norm(np.array(norms), norm_type))
    coef = min(max_norm / (total + 1e-6), 1.0)
    return [total, [g * coef for g in grads]]
