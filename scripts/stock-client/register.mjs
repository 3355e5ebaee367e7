// A stock client registering a data asset on the DOID chain: @polkadot/api with no custom types,
// everything decoded from the chain's metadata. Eve (a verified data supplier at the Beijing
// exchange, registry 2) signs Registration.submit; the script waits for finality, reads the
// application back from storage (Registration.Applications) and calls the node's doid_verify on
// an existing certificate through the provider (no RPC definitions needed).
// Prints a JSON summary; exit code 0 on success.
// Usage: node register.mjs ws://127.0.0.1:9944 <DOID or registration number to verify>
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const reference = process.argv[3];
const BEIJING = 2;
const NAME = '北京市共享单车订单数据';

function fail(message) {
  console.error(`stock-client: ${message}`);
  process.exit(1);
}

if (!reference) fail('usage: node register.mjs <ws url> <DOID or registration number>');
const timer = setTimeout(() => fail('timed out after 120 s'), 120_000);
const provider = new WsProvider(url);
const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });

// A data resource application, written as plain JSON: polkadot.js encodes it from the metadata.
const digest = (byte) => ({ algorithm: 'Sm3', value: `0x${byte.repeat(32)}` });
const application = {
  kind: 'DataResource',
  info: {
    name: NAME,
    industry: 'G'.charCodeAt(0),
    scenario: '城市慢行交通规划',
    source: '共享单车运营平台',
    format: 'Parquet',
    structure: 'order,start,end,duration',
    scale: '80 GB',
    updateFrequency: 'Daily',
    processingRules: '去标识化后聚合',
    trainable: true,
    rights: 1,
    acquisition: 'OriginalCollection',
  },
  contentDigest: digest('5a'),
  inputs: [],
  services: [],
  materials: [{ kind: 'SourceProof', digest: digest('5b') }],
  priorRegistrations: [],
  declarations: {
    personalInformation: false,
    importantData: false,
    publicData: false,
    crossBorder: false,
    coreData: false,
  },
};

const eve = new Keyring({ type: 'sr25519' }).addFromUri('//Eve');
const submitted = await new Promise((resolve, reject) => {
  api.tx.registration
    .submit(BEIJING, application)
    .signAndSend(eve, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`dispatch error: ${dispatchError.toString()}`));
      if (status.isFinalized) {
        const event = events.find(({ event }) => api.events.registration.Submitted.is(event));
        if (!event) reject(new Error('no Registration.Submitted event'));
        resolve({ id: event.event.data.application.toNumber(), block: status.asFinalized.toHex() });
      }
    })
    .catch(reject);
}).catch((e) => fail(e.message));

// Read the application back from storage, decoded from the metadata.
const stored = await api.query.registration.applications(submitted.id);
if (stored.isNone) fail(`application ${submitted.id} not in storage`);
const record = stored.unwrap();
const storedName = record.application.info.name.toUtf8();
if (storedName !== NAME) fail(`stored name ${storedName}, expected ${NAME}`);

// A DOID chain method through the plain provider.
const verification = await provider.send('doid_verify', [reference]);
let malformed;
try {
  await provider.send('doid_verify', ['not-a-doid']);
  fail('doid_verify accepted malformed input');
} catch (e) {
  malformed = e.message;
}

console.log(JSON.stringify({
  ok: true,
  application: submitted.id,
  finalizedIn: submitted.block,
  storedName,
  storedStatus: record.status.type,
  applicant: record.applicant.toNumber(),
  verification,
  malformedError: malformed,
}));
clearTimeout(timer);
await api.disconnect();
process.exit(0);
