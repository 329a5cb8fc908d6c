//! `codchain car`: CarChain's wallet (SPEC §8). Your key (`--suri`/`--key-file`) is the owner's
//! wallet: its encryption key pair and each device's address pool derive from it. `put` plays
//! the device: it encrypts to the owner's key registered on chain and signs with the day's
//! pool address.

use crate::{
	args::{CarCmd, CarRecordArgs},
	output::addr,
	trip, Ctx,
};
use codchain_client::{
	carchain as car,
	carwallet::{self, AddressPool, EncryptionKeypair},
	parse_account, AccountId, Error, KeyType, Keypair, H256,
};
use serde_json::{json, Value};

fn bad(what: impl Into<String>) -> Error {
	Error::Input(what.into())
}

/// `YYYYMMDD` from `YYYYMMDD` or `YYYY-MM-DD`: one spelling, so a day always picks the same
/// pool address.
fn day(date: &str) -> Result<String, Error> {
	let digits: String = date.chars().filter(|c| *c != '-').collect();
	if digits.len() != 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
		return Err(bad(format!("{date:?} is not a date: write YYYYMMDD or YYYY-MM-DD")));
	}
	Ok(digits)
}

fn hex32(s: &str, what: &str) -> Result<[u8; 32], Error> {
	let h = s.trim().strip_prefix("0x").unwrap_or(s.trim());
	hex::decode(h)
		.ok()
		.and_then(|b| <[u8; 32]>::try_from(b).ok())
		.ok_or_else(|| bad(format!("{what} is 0x and 64 hex digits")))
}

fn sr25519(suri: &str) -> Result<Keypair, Error> {
	Ok(Keypair::from_uri(suri, KeyType::Sr25519)?)
}

/// Your key and the encryption key pair derived from it.
fn wallet(ctx: &Ctx) -> Result<(Keypair, EncryptionKeypair), Error> {
	let key = ctx.signer()?;
	let enc = EncryptionKeypair::from_secret(&key.secret_bytes());
	Ok((key, enc))
}

fn pool_of(ctx: &Ctx, vid: &str, size: u32) -> Result<AddressPool, Error> {
	Ok(AddressPool::new(&ctx.signer()?.secret_bytes(), vid.as_bytes(), size))
}

/// The day's pool address of a device, as a key that signs.
fn address_for(pool: &AddressPool, date: &str) -> Result<Keypair, Error> {
	Ok(Keypair::Sr25519(pool.for_date(&day(date)?)))
}

/// The JSON value, or just the named columns of it.
fn select(plain: &[u8], columns: &[String]) -> Result<Value, Error> {
	let v: Value = serde_json::from_slice(plain)
		.map_err(|e| bad(format!("the decrypted value is not JSON: {e}")))?;
	if columns.is_empty() {
		return Ok(v);
	}
	let mut out = serde_json::Map::new();
	for c in columns {
		let field = v.get(c).ok_or_else(|| bad(format!("the value has no column {c:?}")))?;
		out.insert(c.clone(), field.clone());
	}
	Ok(Value::Object(out))
}

/// The encrypted value of `(address, key)` from the node (which fetches it from its peers if
/// it lacks it).
async fn fetch(ctx: &mut Ctx, address: &AccountId, key: &str) -> Result<(H256, Vec<u8>), Error> {
	let client = ctx.client().await?;
	let stored = car::get_value(client, address, key.as_bytes())
		.await?
		.ok_or_else(|| bad(format!("no record {key:?} at {}", addr(address))))?;
	let value = stored.value.ok_or_else(|| bad("the node returned no value"))?;
	Ok((stored.record, value.0))
}

/// Your record found by device, day and key, decrypted.
async fn open_own(ctx: &mut Ctx, at: &CarRecordArgs) -> Result<(AccountId, H256, Vec<u8>), Error> {
	let (_, enc) = wallet(ctx)?;
	let address = address_for(&pool_of(ctx, &at.vid, at.pool)?, &at.date)?.account_id();
	let (record, value) = fetch(ctx, &address, &at.key).await?;
	Ok((address, record, enc.open_value(&value)?))
}

pub async fn run(ctx: &mut Ctx, cmd: CarCmd) -> Result<(), Error> {
	match cmd {
		CarCmd::Keys { vid, date, pool } => {
			let (key, enc) = wallet(ctx)?;
			let mut v = json!({ "owner": key.address(), "encryptionKey": format!("0x{}", hex::encode(enc.public())) });
			if let Some(vid) = vid {
				let p = pool_of(ctx, &vid, pool)?;
				let addresses: Vec<String> =
					(0..p.size()).map(|i| Keypair::Sr25519(p.pair(i)).address()).collect();
				v["vid"] = json!(vid);
				v["poolSeed"] = json!(format!("0x{}", hex::encode(p.seed())));
				v["addresses"] = json!(addresses);
				if let Some(date) = date {
					v["dayAddress"] = json!(address_for(&p, &date)?.address());
				}
			}
			ctx.out.show(v.clone(), || serde_json::to_string_pretty(&v).unwrap_or_default());
		},
		CarCmd::Setup { vid, device, agent } => {
			let (key, enc) = wallet(ctx)?;
			let agent = agent.map(|a| parse_account(&a)).transpose()?;
			let genesis = ctx.client().await?.genesis();
			let call = car::setup_device(
				vid.as_bytes(),
				&sr25519(&device)?,
				enc.public(),
				agent,
				genesis,
				&key.account_id(),
			);
			ctx.submit(call).await?;
		},
		CarCmd::Reset { vid, old_device, device, agent } => {
			let (key, enc) = wallet(ctx)?;
			let agent = agent.map(|a| parse_account(&a)).transpose()?;
			let client = ctx.client().await?;
			let genesis = client.genesis();
			let current = car::device(client, vid.as_bytes())
				.await?
				.ok_or_else(|| bad(format!("no device {vid:?}")))?;
			let call = car::reset_device(
				vid.as_bytes(),
				&sr25519(&old_device)?,
				current.generation,
				&sr25519(&device)?,
				enc.public(),
				agent,
				genesis,
				&key.account_id(),
			);
			ctx.submit(call).await?;
		},
		CarCmd::Devices { owner } => {
			let owner = ctx.account_or_signer(owner.as_deref())?;
			let list = car::devices_of(ctx.client().await?, &owner, None, 1000).await?;
			let v: Vec<Value> = list
				.iter()
				.map(|(vid, d)| {
					json!({
						"vid": String::from_utf8_lossy(vid),
						"deviceKey": addr(&d.device_key),
						"encryptionKey": format!("0x{}", hex::encode(d.encryption_key)),
						"agent": d.agent.as_ref().map(addr),
						"generation": d.generation,
						"since": d.since,
					})
				})
				.collect();
			let text = list
				.iter()
				.map(|(vid, d)| {
					format!(
						"{}  key {}  reset {} times",
						String::from_utf8_lossy(vid),
						addr(&d.device_key),
						d.generation
					)
				})
				.collect::<Vec<_>>()
				.join("\n");
			ctx.out.show(json!(v), || text);
		},
		CarCmd::Put { at, file, format, pool_seed, agent } => {
			let plain = std::fs::read(&file)
				.map_err(|e| bad(format!("cannot read {}: {e}", file.display())))?;
			let pool = match pool_seed {
				Some(s) => AddressPool::from_seed(hex32(&s, "--pool-seed")?, at.pool),
				None => pool_of(ctx, &at.vid, at.pool)?,
			};
			let address = address_for(&pool, &at.date)?;
			let client = ctx.client().await?.clone();
			let device = car::device(&client, at.vid.as_bytes())
				.await?
				.ok_or_else(|| bad(format!("no device {:?}: set it up first", at.vid)))?;
			// Encrypted to the owner's key on chain: the device never holds a secret of the owner.
			let (value, _) = carwallet::encrypt_value(&device.encryption_key, &plain);
			let who = address.account_id();
			let key = at.key.as_bytes();
			match agent {
				Some(agent) => {
					let agent = sr25519(&agent)?;
					let hash = car::value_hash(&value);
					let payload = car::put_payload(
						client.genesis(),
						&agent.account_id(),
						key,
						&hash,
						value.len() as u32,
						format.as_bytes(),
					);
					let consent = Some(address.sign(&payload));
					let call = car::put_record(&who, key, &value, format.as_bytes(), consent);
					ctx.submit_as(call, &agent).await?;
				},
				None => {
					let call = car::put_record(&who, key, &value, format.as_bytes(), None);
					ctx.submit_as(call, &address).await?;
				},
			}
			// The receipt (its `RecordPut` event names record, address, hash and size) is the
			// JSON output; the upload adds a line for people.
			let stored = car::put_value(&client, &who, key, &value).await?;
			if !ctx.out.json {
				println!(
					"uploaded record {:?} at {} ({} bytes encrypted)",
					stored.record,
					addr(&who),
					stored.size
				);
			}
		},
		CarCmd::Get { at, columns } => {
			let (address, record, plain) = open_own(ctx, &at).await?;
			let selected = select(&plain, &columns)?;
			let v = json!({ "record": format!("{record:?}"), "address": addr(&address), "value": selected });
			ctx.out.show(v, || serde_json::to_string_pretty(&selected).unwrap_or_default());
		},
		CarCmd::Range { vid, date, start, end, columns, pool } => {
			let (_, enc) = wallet(ctx)?;
			let address = address_for(&pool_of(ctx, &vid, pool)?, &date)?.account_id();
			let client = ctx.client().await?;
			let mut items = Vec::new();
			let mut from = start.map(String::into_bytes);
			loop {
				let page = car::get_range(
					client,
					&address,
					from.as_deref(),
					end.as_ref().map(|e| e.as_bytes()),
					100,
					true,
				)
				.await?;
				for item in page.items {
					let value = item.value.ok_or_else(|| bad("the node returned no value"))?;
					let plain = enc.open_value(&value.0)?;
					items.push(json!({
						"key": String::from_utf8_lossy(&item.key.0),
						"record": format!("{:?}", item.record),
						"value": select(&plain, &columns)?,
					}));
				}
				match page.next {
					Some(next) => from = Some(next.0),
					None => break,
				}
			}
			let v = json!({ "address": addr(&address), "records": items });
			ctx.out.show(v.clone(), || serde_json::to_string_pretty(&v).unwrap_or_default());
		},
		CarCmd::Grant { at, to, to_key, resell, dup } => {
			let (_, enc) = wallet(ctx)?;
			let address = address_for(&pool_of(ctx, &at.vid, at.pool)?, &at.date)?;
			let (record, value) = fetch(ctx, &address.account_id(), &at.key).await?;
			let wrapped =
				carwallet::seal_key(&hex32(&to_key, "--to-key")?, &enc.value_key(&value)?);
			let call = car::grant(record, &parse_account(&to)?, wrapped, resell, dup);
			ctx.submit_as(call, &address).await?;
		},
		CarCmd::Approve { request, vid, date, keys, pool } => {
			let (_, enc) = wallet(ctx)?;
			let address = address_for(&pool_of(ctx, &vid, pool)?, &date)?;
			let client = ctx.client().await?.clone();
			let (req, _) = car::request(&client, request)
				.await?
				.ok_or_else(|| bad(format!("no usage request {request}")))?;
			let computation = car::computation(&client, req.computation)
				.await?
				.ok_or_else(|| bad("the request's computation is gone"))?;
			let mut records = Vec::new();
			for key in &keys {
				let (record, value) = fetch(ctx, &address.account_id(), key).await?;
				let wrapped =
					carwallet::seal_key(&computation.executor_key, &enc.value_key(&value)?);
				let consent = address.sign(&car::approve_payload(
					client.genesis(),
					request,
					vid.as_bytes(),
					&record,
				));
				records.push(car::Approval {
					record,
					wrapped_key: codchain_client::runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(wrapped),
					consent: Some(consent),
				});
			}
			ctx.submit(car::approve_usage(request, vid.as_bytes(), records)).await?;
		},
		CarCmd::Read { address, key, columns } => {
			let (me, enc) = wallet(ctx)?;
			let address = parse_account(&address)?;
			let record = car::record_id(&address, key.as_bytes());
			let client = ctx.client().await?;
			let grant = car::grant_of(client, record, &me.account_id())
				.await?
				.ok_or_else(|| bad(format!("you hold no grant of record {record:?}")))?;
			let value_key = enc.open_key(&grant.wrapped_key.0)?;
			let (_, value) = fetch(ctx, &address, &key).await?;
			let plain = carwallet::decrypt_value(&value_key, &value)?;
			let selected = select(&plain, &columns)?;
			let v = json!({ "record": format!("{record:?}"), "value": selected });
			ctx.out.show(v, || serde_json::to_string_pretty(&selected).unwrap_or_default());
		},
		CarCmd::Trip { at, svg } => {
			let (_, record, plain) = open_own(ctx, &at).await?;
			let value: Value = serde_json::from_slice(&plain)
				.map_err(|e| bad(format!("the decrypted value is not JSON: {e}")))?;
			let t = trip::parse(&value)?;
			let title = format!("{} {} {}", at.vid, day(&at.date)?, at.key);
			std::fs::write(&svg, trip::render(&t, &title))
				.map_err(|e| bad(format!("cannot write {}: {e}", svg.display())))?;
			let top = t.speeds.iter().cloned().fold(0.0, f64::max);
			let v = json!({ "record": format!("{record:?}"), "svg": svg.display().to_string(), "points": t.points.len(), "topSpeed": top });
			ctx.out.show(v, || format!("{} points drawn to {}", t.points.len(), svg.display()));
		},
		CarCmd::Emission => {
			let e = car::emission(ctx.client().await?).await?;
			let phase = |m: u128, c: u128| json!({ "minted": m.to_string(), "cap": c.to_string() });
			let v = json!({
				"total": e.total.to_string(),
				"producers": phase(e.minted.producers, e.caps.producers),
				"agents": phase(e.minted.agents, e.caps.agents),
				"sold": phase(e.minted.sold, e.caps.sold),
				"recordReward": e.record_reward.to_string(),
				"agentEpochBudget": e.agent_epoch_budget.to_string(),
				"epoch": e.epoch,
			});
			ctx.out.show(v.clone(), || serde_json::to_string_pretty(&v).unwrap_or_default());
		},
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_day_has_one_spelling() {
		assert_eq!(day("2016-05-11").unwrap(), "20160511");
		assert_eq!(day("20160511").unwrap(), "20160511");
		assert!(day("2016-5-11").is_err());
	}

	#[test]
	fn columns_are_selected_after_decryption() {
		let v = br#"{"GPS":[1],"SPEED":"0","VEHICLE_DATA":1}"#;
		assert_eq!(select(v, &["SPEED".into()]).unwrap(), json!({"SPEED": "0"}));
		assert!(select(v, &["NOPE".into()]).is_err());
		assert_eq!(select(v, &[]).unwrap()["VEHICLE_DATA"], 1);
	}
}
