// A stock client against the DOID chain: @polkadot/api with no custom types or signed
// extensions. Reads the metadata, submits a signed balance transfer from Alice to Bob, waits
// for finality and checks the event and the balances. Prints a JSON summary; exit code 0 on
// success. Usage: node transfer.mjs [ws://127.0.0.1:9944]
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const amount = 123_456_789_000n;

function fail(message) {
  console.error(`stock-client: ${message}`);
  process.exit(1);
}

const timer = setTimeout(() => fail('timed out after 120 s'), 120_000);
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });

const metadataVersion = api.runtimeMetadata.version;
const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
for (const required of ['Balances', 'Council', 'ValidatorSet', 'Session']) {
  if (!pallets.includes(required)) fail(`pallet ${required} missing from metadata`);
}
const signedExtensions = api.registry.signedExtensions;

const keyring = new Keyring({ type: 'sr25519' });
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');
const before = (await api.query.system.account(bob.address)).data.free.toBigInt();

const blockHash = await new Promise((resolve, reject) => {
  api.tx.balances
    .transferKeepAlive(bob.address, amount)
    .signAndSend(alice, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`dispatch error: ${dispatchError.toString()}`));
      if (status.isFinalized) {
        const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
        if (!transfer) reject(new Error('no Balances.Transfer event'));
        const [from, to, value] = transfer.event.data;
        if (from.toString() !== alice.address || to.toString() !== bob.address || value.toBigInt() !== amount) {
          reject(new Error(`unexpected transfer event ${transfer.event.data.toString()}`));
        }
        resolve(status.asFinalized.toHex());
      }
    })
    .catch(reject);
}).catch((e) => fail(e.message));

const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
if (after - before !== amount) fail(`Bob's balance changed by ${after - before}, expected ${amount}`);

console.log(JSON.stringify({
  ok: true,
  metadataVersion,
  specName: api.runtimeVersion.specName.toString(),
  signedExtensions,
  finalizedIn: blockHash,
  transferred: amount.toString(),
}));
clearTimeout(timer);
await api.disconnect();
process.exit(0);
