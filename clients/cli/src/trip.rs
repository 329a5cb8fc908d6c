//! The seed's "trajectory display": a decrypted `trip-gps` value drawn as an SVG a person can
//! open in a browser, the track coloured from green (slow) to red (fast).

use codchain_client::Error;
use serde_json::Value;

/// A trip: GPS points and the speed at each.
#[derive(Debug, Clone, PartialEq)]
pub struct Trip {
	pub points: Vec<(f64, f64)>,
	pub speeds: Vec<f64>,
}

fn bad(why: &str) -> Error {
	Error::Input(format!("not a trip-gps value: {why}"))
}

/// Reads `{"GPS":[{"lat":…,"lng":…},…],"SPEED":"0,23,…"}` (SPEED may also be a list).
pub fn parse(v: &Value) -> Result<Trip, Error> {
	let gps = v.get("GPS").and_then(Value::as_array).ok_or_else(|| bad("no GPS list"))?;
	let points = gps
		.iter()
		.map(|p| {
			let lat =
				p.get("lat").and_then(Value::as_f64).ok_or_else(|| bad("a point lacks lat"))?;
			let lng =
				p.get("lng").and_then(Value::as_f64).ok_or_else(|| bad("a point lacks lng"))?;
			Ok((lat, lng))
		})
		.collect::<Result<Vec<_>, Error>>()?;
	if points.len() < 2 {
		return Err(bad("fewer than two points"));
	}
	let speeds: Vec<f64> = match v.get("SPEED") {
		Some(Value::String(s)) => s
			.split(',')
			.map(|x| x.trim().parse::<f64>().map_err(|_| bad("SPEED is not a list of numbers")))
			.collect::<Result<_, _>>()?,
		Some(Value::Array(a)) => a
			.iter()
			.map(|x| x.as_f64().ok_or_else(|| bad("SPEED holds a non-number")))
			.collect::<Result<_, _>>()?,
		_ => vec![0.0; points.len()],
	};
	if speeds.len() != points.len() {
		return Err(bad("SPEED and GPS differ in length"));
	}
	Ok(Trip { points, speeds })
}

/// Green at 0, red at the trip's top speed.
fn colour(speed: f64, max: f64) -> String {
	let hue = if max > 0.0 { 120.0 * (1.0 - (speed / max).clamp(0.0, 1.0)) } else { 120.0 };
	format!("hsl({hue:.0},80%,40%)")
}

/// The SVG of a trip: an equirectangular projection scaled to fit, one segment per leg
/// coloured by the speed at its end, each point with its speed as a tooltip.
pub fn render(trip: &Trip, title: &str) -> String {
	const W: f64 = 800.0;
	const H: f64 = 600.0;
	const M: f64 = 40.0;
	let (mut lat0, mut lat1, mut lng0, mut lng1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
	for &(lat, lng) in &trip.points {
		lat0 = lat0.min(lat);
		lat1 = lat1.max(lat);
		lng0 = lng0.min(lng);
		lng1 = lng1.max(lng);
	}
	// A degree of longitude is cos(latitude) as long as one of latitude.
	let k = ((lat0 + lat1) / 2.0).to_radians().cos();
	let span_x = ((lng1 - lng0) * k).max(1e-9);
	let span_y = (lat1 - lat0).max(1e-9);
	let scale = ((W - 2.0 * M) / span_x).min((H - 2.0 * M - 30.0) / span_y);
	let xy =
		|(lat, lng): (f64, f64)| (M + (lng - lng0) * k * scale, M + 30.0 + (lat1 - lat) * scale);
	let max = trip.speeds.iter().cloned().fold(0.0, f64::max);
	let mut svg = format!(
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\">\n\
		 <rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n\
		 <text x=\"{M}\" y=\"28\" font-family=\"sans-serif\" font-size=\"16\">{}</text>\n\
		 <text x=\"{}\" y=\"28\" font-family=\"sans-serif\" font-size=\"12\" text-anchor=\"end\">{} points, top speed {max} (green slow, red fast)</text>\n",
		escape(title),
		W - M,
		trip.points.len(),
	);
	for i in 1..trip.points.len() {
		let (x0, y0) = xy(trip.points[i - 1]);
		let (x1, y1) = xy(trip.points[i]);
		svg += &format!(
			"<line x1=\"{x0:.1}\" y1=\"{y0:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\" stroke=\"{}\" stroke-width=\"4\" stroke-linecap=\"round\"/>\n",
			colour(trip.speeds[i], max)
		);
	}
	for (i, (&p, &s)) in trip.points.iter().zip(&trip.speeds).enumerate() {
		let (x, y) = xy(p);
		svg += &format!(
			"<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{}\"><title>#{i}: {:.6}, {:.6}, speed {s}</title></circle>\n",
			colour(s, max),
			p.0,
			p.1
		);
	}
	for (label, p) in [("start", trip.points[0]), ("end", trip.points[trip.points.len() - 1])] {
		let (x, y) = xy(p);
		svg += &format!(
			"<text x=\"{:.1}\" y=\"{:.1}\" font-family=\"sans-serif\" font-size=\"13\">{label}</text>\n",
			x + 8.0,
			y - 8.0
		);
	}
	svg += "</svg>\n";
	svg
}

fn escape(s: &str) -> String {
	s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
	use super::*;

	fn sample() -> Value {
		serde_json::json!({
			"GPS": [{"lat": 31.25, "lng": 121.44}, {"lat": 31.26, "lng": 121.48}, {"lat": 31.29, "lng": 121.61}],
			"SPEED": "0,23,52"
		})
	}

	#[test]
	fn a_trip_draws_one_segment_per_leg_and_one_point_per_fix() {
		let trip = parse(&sample()).unwrap();
		let svg = render(&trip, "trip <1>");
		assert_eq!(svg.matches("<line").count(), 2);
		assert_eq!(svg.matches("<circle").count(), 3);
		assert!(svg.contains("trip &lt;1&gt;"));
		// The fastest leg is red, the start green.
		assert!(svg.contains("hsl(0,80%,40%)") && svg.contains("hsl(120,80%,40%)"));
		// Every coordinate falls inside the picture.
		for cap in svg.split("cx=\"").skip(1) {
			let x: f64 = cap.split('"').next().unwrap().parse().unwrap();
			assert!((0.0..=800.0).contains(&x));
		}
	}

	#[test]
	fn a_value_without_a_track_is_refused() {
		assert!(parse(&serde_json::json!({"GPS": []})).is_err());
		assert!(parse(
			&serde_json::json!({"GPS": [{"lat": 1.0, "lng": 2.0}, {"lat": 1.0, "lng": 2.0}], "SPEED": "1"})
		)
		.is_err());
	}
}
