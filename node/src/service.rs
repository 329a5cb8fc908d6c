//! The node service: client, BABE block production, GRANDPA finality, networking and RPC.

use std::{sync::Arc, time::Duration};

use codchain_runtime::{opaque::Block, RuntimeApi};
use futures::FutureExt;
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_babe::{BabeWorkerHandle, SlotProportion};
use sc_consensus_grandpa::SharedVoterState;
use sc_network::NetworkBackend;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_inherents::CreateInherentDataProviders;
use sp_runtime::traits::Block as BlockT;

/// Host functions the runtime may call; benchmarks need a few more.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = sp_io::SubstrateHostFunctions;
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// The runtime always runs as Wasm: the native runtime is only used by tests.
pub type RuntimeExecutor = sc_executor::WasmExecutor<HostFunctions>;
pub type FullClient = sc_service::TFullClient<Block, RuntimeApi, RuntimeExecutor>;
pub type FullBackend = sc_service::TFullBackend<Block>;
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
pub type TransactionPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

/// The inherents of every block: the BABE slot and the timestamp.
type InherentProviders =
	(sp_consensus_babe::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider);
type InherentCreator =
	Arc<dyn CreateInherentDataProviders<Block, (), InherentDataProviders = InherentProviders>>;

type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type BabeBlockImport = sc_consensus_babe::BabeBlockImport<
	Block,
	FullClient,
	GrandpaBlockImport,
	InherentCreator,
	FullSelectChain,
>;

/// GRANDPA justifications are stored for every 512th block so that light clients and warp
/// sync can prove finality without the whole vote history.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// The parts every sub-command needs, built before networking.
pub struct PartialParts {
	pub client: Arc<FullClient>,
	pub backend: Arc<FullBackend>,
	pub task_manager: TaskManager,
	pub keystore_container: sc_service::KeystoreContainer,
	pub select_chain: FullSelectChain,
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	pub transaction_pool: Arc<TransactionPool>,
	pub babe_import: BabeBlockImport,
	pub babe_link: sc_consensus_babe::BabeLink<Block>,
	pub babe_worker_handle: BabeWorkerHandle<Block>,
	pub grandpa_link: sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
	pub telemetry: Option<Telemetry>,
}

fn inherent_creator(slot_duration: sp_consensus_babe::SlotDuration) -> InherentCreator {
	Arc::new(move |_parent, ()| async move {
		let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
		let slot =
			sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
				*timestamp,
				slot_duration,
			);
		Ok((slot, timestamp))
	})
}

/// Builds the client, the transaction pool and the BABE/GRANDPA import pipeline.
pub fn new_partial(config: &Configuration) -> Result<PartialParts, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Default::default(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&(client.clone() as Arc<_>),
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;
	let justification_import = grandpa_block_import.clone();

	let babe_config = sc_consensus_babe::configuration(&*client)?;
	let slot_duration = babe_config.slot_duration();
	let (babe_import, babe_link) = sc_consensus_babe::block_import(
		babe_config,
		grandpa_block_import,
		client.clone(),
		inherent_creator(slot_duration),
		select_chain.clone(),
		OffchainTransactionPoolFactory::new(transaction_pool.clone()),
	)?;

	let (import_queue, babe_worker_handle) =
		sc_consensus_babe::import_queue(sc_consensus_babe::ImportQueueParams {
			link: babe_link.clone(),
			block_import: babe_import.clone(),
			justification_import: Some(Box::new(justification_import)),
			client: client.clone(),
			slot_duration,
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;

	Ok(PartialParts {
		client,
		backend,
		task_manager,
		keystore_container,
		select_chain,
		import_queue,
		transaction_pool,
		babe_import,
		babe_link,
		babe_worker_handle,
		grandpa_link,
		telemetry,
	})
}

/// Builds and starts a full node (validator when `--validator`/`--dev`) on network backend `N`.
pub fn new_full<N: NetworkBackend<Block, <Block as BlockT>::Hash>>(
	config: Configuration,
	carchain: crate::carchain::StoreParams,
) -> Result<TaskManager, ServiceError> {
	let PartialParts {
		client,
		backend,
		mut task_manager,
		keystore_container,
		select_chain,
		import_queue,
		transaction_pool,
		babe_import,
		babe_link,
		babe_worker_handle,
		grandpa_link,
		mut telemetry,
	} = new_partial(&config)?;

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let metrics = N::register_notification_metrics(prometheus_registry.as_ref());
	let mut net_config = sc_network::config::FullNetworkConfiguration::<_, _, N>::new(
		&config.network,
		prometheus_registry.clone(),
	);
	let peer_store_handle = net_config.peer_store_handle();

	let genesis_hash = client.block_hash(0).ok().flatten().expect("Genesis block exists; qed");
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	// CarChain's value store, beside the chain's database, and its peer-to-peer protocol.
	let car_limits = carchain.limits();
	let car_store = crate::carchain::open_store(
		&config.base_path.config_dir(config.chain_spec.id()).join("carchain"),
	)
	.map_err(ServiceError::Other)?;
	let (car_protocol, car_requests) = crate::carchain::network::config::<Block, N>(
		&genesis_hash,
		u64::from(car_limits.max_value_size),
	);
	net_config.add_request_response_protocol(car_protocol);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(sc_service::WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	task_manager.spawn_handle().spawn(
		"carchain-serve",
		Some("carchain"),
		crate::carchain::network::serve(car_store.clone(), car_requests),
	);
	task_manager.spawn_handle().spawn(
		"carchain-index",
		Some("carchain"),
		crate::carchain::indexer::run(client.clone(), car_store.clone()),
	);
	let car_deps = crate::rpc::carchain::StoreDeps {
		store: car_store,
		fetcher: crate::carchain::network::Fetcher {
			network: network.clone(),
			peers: {
				let sync = sync_service.clone();
				Arc::new(move || {
					let sync = sync.clone();
					async move {
						let peers = sync.peers_info().await.unwrap_or_default();
						peers.into_iter().map(|(peer, _)| peer).collect()
					}
					.boxed()
				})
			},
			protocol: crate::carchain::network::protocol_name(&genesis_hash),
		},
		limits: car_limits,
	};

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				is_validator: role.is_authority(),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let shared_voter_state = SharedVoterState::empty();
	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let select_chain = select_chain.clone();
		let keystore = keystore_container.keystore();
		let babe_worker_handle = babe_worker_handle.clone();
		let shared_voter_state = shared_voter_state.clone();
		let shared_authority_set = grandpa_link.shared_authority_set().clone();
		let justification_stream = grandpa_link.justification_stream();
		let finality_provider = sc_consensus_grandpa::FinalityProofProvider::new_for_service(
			backend.clone(),
			Some(shared_authority_set.clone()),
		);
		Box::new(move |subscription_executor: crate::rpc::SubscriptionTaskExecutor| {
			let deps = crate::rpc::FullDeps {
				carchain: car_deps.clone(),
				client: client.clone(),
				pool: pool.clone(),
				select_chain: select_chain.clone(),
				babe: crate::rpc::BabeDeps {
					babe_worker_handle: babe_worker_handle.clone(),
					keystore: keystore.clone(),
				},
				grandpa: crate::rpc::GrandpaDeps {
					shared_voter_state: shared_voter_state.clone(),
					shared_authority_set: shared_authority_set.clone(),
					justification_stream: justification_stream.clone(),
					subscription_executor,
					finality_provider: finality_provider.clone(),
				},
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder,
		backend: backend.clone(),
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		let proposer = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);
		let slot_duration = babe_link.config().slot_duration();
		let babe = sc_consensus_babe::start_babe(sc_consensus_babe::BabeParams {
			keystore: keystore_container.keystore(),
			client: client.clone(),
			select_chain,
			env: proposer,
			block_import: babe_import,
			sync_oracle: sync_service.clone(),
			justification_sync_link: sync_service.clone(),
			create_inherent_data_providers: inherent_creator(slot_duration),
			force_authoring,
			// Slow block production down when finality lags, so forks stay short.
			backoff_authoring_blocks: Some(
				sc_consensus_slots::BackoffAuthoringOnFinalizedHeadLagging::default(),
			),
			babe_link,
			block_proposal_slot_portion: SlotProportion::new(0.5),
			max_block_proposal_slot_portion: None,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;
		task_manager.spawn_essential_handle().spawn_blocking(
			"babe-proposer",
			Some("block-authoring"),
			babe,
		);
	}

	if enable_grandpa {
		// Only validators vote; other full nodes still follow finality through justifications.
		let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};
		let grandpa_voter =
			sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
				config: grandpa_config,
				link: grandpa_link,
				network,
				sync: sync_service,
				notification_service: grandpa_notification_service,
				voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
				prometheus_registry,
				shared_voter_state,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
			})?;
		// The voter is essential: if it fails, the node stops rather than run without finality.
		task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, grandpa_voter);
	}

	Ok(task_manager)
}
