//! How much each topic counts: the DEA-C01 exam guide's domain weights, shared out over the topics that serve each
//! domain. The version is the one the course's coverage map quotes (docs/exam-coverage.md): exam guide v1.0.

/// The exam guide's name for the weights used.
pub const SOURCE: &str = "DEA-C01 exam guide v1.0 domain weights (34/26/22/18%)";

/// Domain number and its share of the exam's scored content, per the v1.0 guide.
pub const DOMAINS: [(u32, f64); 4] = [(1, 0.34), (2, 0.26), (3, 0.22), (4, 0.18)];

/// The domain a task names: `"1.3 Orchestrate data pipelines"` → 1.
pub fn domain_of(task: &str) -> Option<u32> {
    let n: u32 = task.trim().split('.').next()?.trim().parse().ok()?;
    DOMAINS.iter().any(|&(d, _)| d == n).then_some(n)
}

/// One weight a topic (in the order given), summing to 1: each domain's weight is split evenly over the tasks that
/// topics list in it, and a topic gets the shares of its tasks. A course that lists no task of a domain leaves that
/// domain out (the forecast is of the part of the exam the course teaches). Topics that list no known task share
/// equally when no topic does.
pub fn topic_weights(tasks: &[Vec<String>]) -> Vec<f64> {
    let domains: Vec<Vec<u32>> = (tasks.iter())
        .map(|t| t.iter().filter_map(|task| domain_of(task)).collect())
        .collect();
    let count = |d: u32| domains.iter().flatten().filter(|&&x| x == d).count() as f64;
    let raw: Vec<f64> = (domains.iter())
        .map(|ds| {
            ds.iter()
                .map(|&d| {
                    let w = DOMAINS.iter().find(|x| x.0 == d).map_or(0.0, |x| x.1);
                    w / count(d)
                })
                .sum()
        })
        .collect();
    let total: f64 = raw.iter().sum();
    if total <= 0.0 {
        let n = tasks.len().max(1) as f64;
        return vec![1.0 / n; tasks.len()];
    }
    raw.into_iter().map(|w| w / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn domains_split_over_their_tasks_and_weights_sum_to_one() {
        let w = topic_weights(&[
            t(&["1.3 Orchestrate data pipelines", "3.1 Automate"]),
            t(&["1.3 Orchestrate data pipelines"]),
            t(&["4.2 Apply authorization mechanisms"]),
        ]);
        // Domain 1 (0.34) over two tasks, domain 3 (0.22) and 4 (0.18) whole: total 0.74.
        let expect = [0.17 + 0.22, 0.17, 0.18].map(|x| x / 0.74);
        for (a, b) in w.iter().zip(expect) {
            assert!((a - b).abs() < 1e-9, "{w:?}");
        }
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn unknown_tasks_share_equally() {
        assert_eq!(domain_of("9.1 Nothing"), None);
        assert_eq!(domain_of("2.2 Understand data cataloging systems"), Some(2));
        assert_eq!(topic_weights(&[t(&["x"]), t(&[])]), vec![0.5, 0.5]);
    }
}
