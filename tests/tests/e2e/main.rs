//! The end-to-end tests, one module per scenario, in one test binary so that the test harness
//! runs them in parallel (`--test-threads`): each starts its own nodes on free loopback ports
//! with its own base paths, and most of their time is spent waiting for blocks.

mod consensus;
mod evidence;
mod explorer;
mod governance;
mod network;
mod objections;
mod pool;
mod registration;
mod rpc;
mod stock_client;
mod upgrade;
