/** Port of game_of_life.py: Conway's game of life with slicing and masked assignment. */
import * as np from '@numbat/ndarray';
import { printer } from './print.js';

function iterate(Z: np.NDArray): np.NDArray {
  // Count neighbours
  const N = Z.get('0:-2', '0:-2').add(Z.get('0:-2', '1:-1')).add(Z.get('0:-2', '2:'))
    .add(Z.get('1:-1', '0:-2')).add(Z.get('1:-1', '2:'))
    .add(Z.get('2:', '0:-2')).add(Z.get('2:', '1:-1')).add(Z.get('2:', '2:'));
  // Apply rules
  const inner = Z.get('1:-1', '1:-1');
  const birth = N.equal(3).logicalAnd(inner.equal(0));
  const survive = N.equal(2).logicalOr(N.equal(3)).logicalAnd(inner.equal(1));
  Z.set('...', 0); // Z[...] = 0
  Z.get('1:-1', '1:-1').set(birth.logicalOr(survive), 1); // Z[1:-1, 1:-1][birth | survive] = 1
  return Z;
}

/** Runs the port and returns what it prints. */
export function gameOfLife(): string {
  const { print, output } = printer();
  np.random.seed(0);
  let Z = np.random.randint(0, 2, [10, 10]) as np.NDArray;
  for (let i = 0; i < 4; i++) Z = iterate(Z);
  print(Z);
  print(Z.sum());
  return output();
}
