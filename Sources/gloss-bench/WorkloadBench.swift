import Foundation
import GlossCore

/// `gloss-bench workload [--entries N] [--days N] [--break-start DAY] [--break-days N] [--seed N]
/// [--seeds N] [--orders]`: the simulated learner with a break in the middle, with the load
/// balancer and without: how even the daily answers are, the peak day, and true recall.
/// `--orders` compares the backlog orders instead (recall 30 days after the break).
enum WorkloadBench {
    struct Options {
        var entries = 1000
        var days = 365
        var breakStart = 175
        var breakDays = 14
        var seed: UInt64 = 1
        var seeds = 1
        var orders = false
        /// With `--orders`: recall is measured this many days after the break.
        var measureAfter = 30
        /// The figures count the study days from this one on (the days before build the collection up).
        var measureFrom = 0
        var settings = LearnerSettings()
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            print(
                "usage: gloss-bench workload [--entries N] [--days N] [--break-start DAY] [--break-days N] "
                    + "[--seed N] [--seeds N] [--measure-from DAY] [--reviews-per-day N] [--backlog-spread F|off] [--daily-target N] [--easy-days sat=0.5,…] [--orders [--measure-after DAYS]]"
            )
            return 2
        }
        let started = DispatchTime.now().uptimeNanoseconds
        if options.orders {
            compareOrders(options)
        } else {
            compareBalancer(options)
        }
        print(String(format: "(simulated in %.1f s)", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
        return 0
    }

    static func parse(_ arguments: [String]) -> Options? {
        var o = Options()
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--entries": o.entries = Int(value) ?? -1
            case "--days": o.days = Int(value) ?? -1
            case "--break-start": o.breakStart = Int(value) ?? -1
            case "--break-days": o.breakDays = Int(value) ?? -1
            case "--seed": o.seed = UInt64(value) ?? 0
            case "--seeds": o.seeds = Int(value) ?? -1
            case "--measure-after": o.measureAfter = Int(value) ?? -1
            case "--measure-from": o.measureFrom = Int(value) ?? -1
            case "--reviews-per-day": o.settings.reviewsPerDay = Int(value) ?? -1
            case "--daily-target": o.settings.dailyTarget = Int(value) ?? -1
            case "--backlog-spread":
                guard (try? Setting.backlogSpread.apply(value, to: &o.settings)) != nil else { return nil }
            case "--easy-days":
                guard let easy = try? EasyDays(parsing: value) else { return nil }
                o.settings.easyDays = easy
            case "--orders":
                o.orders = true
                i += 1
                continue
            default: return nil
            }
            i += 2
        }
        guard o.entries > 1, o.days > 0, o.breakStart >= 0, o.breakDays >= 0, o.seeds > 0, o.settings.reviewsPerDay >= 0,
            o.settings.dailyTarget >= 0,
            o.measureAfter >= 0, o.measureFrom >= 0, o.measureFrom < o.days
        else { return nil }
        return o
    }

    static func simulation(_ o: Options, settings: LearnerSettings, days: Int, seed: UInt64) -> StudySimulation {
        var simulation = StudySimulation(
            deck: SimulationDeck.make(entries: o.entries), settings: settings, days: days, seed: seed)
        simulation.breakDays = o.breakStart..<(o.breakStart + o.breakDays)
        return simulation
    }

    static func compareBalancer(_ o: Options) {
        print(
            "workload: \(o.entries) entries, \(o.days) days, a \(o.breakDays)-day break from day \(o.breakStart), "
                + "reviews-per-day \(o.settings.reviewsPerDay), backlog-spread \(Setting.backlogSpread.value(in: o.settings)), daily-target \(o.settings.dailyTarget), easy days \(o.settings.easyDays.text), "
                + "seeds \(o.seed)...\(o.seed + UInt64(o.seeds) - 1)")
        print(
            "| load balancer | sd of daily answers | sd around the 15-day mean | sd, day to day | median day "
                + "| peak day (× median) | peak outside the backlog (× median) | days over 1.5× median | true recall |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        var figures: [Bool: Workload] = [:]
        for balance in [false, true] {
            var settings = o.settings
            settings.loadBalance = balance
            let reports = (0..<UInt64(o.seeds)).map { simulation(o, settings: settings, days: o.days, seed: o.seed + $0).run() }
            let w = Workload(reports, breakDays: o.breakStart..<(o.breakStart + o.breakDays), from: o.measureFrom)
            if ProcessInfo.processInfo.environment["WORKLOAD_SERIES"] != nil {
                print(
                    reports[0].daily.map { "\($0.answers)/\($0.reviews)/\($0.waitingReviews)/\($0.reviewLimit)" }.joined(
                        separator: " "))
            }
            figures[balance] = w
            print(
                "| \(balance ? "on" : "off") | \(f(w.sd, 1)) | \(f(w.detrendedSd, 1)) | \(f(w.daySd, 1)) | \(f(w.median, 0)) | "
                    + "\(w.peak) (\(f(w.peakRatio, 2))×) | \(w.peakOutsideBacklog) (\(f(Double(w.peakOutsideBacklog) / max(1, w.median), 2))×) "
                    + "| \(w.daysOverGoal) | \(f(w.recall * 100, 2))% |")
        }
        for balance in [false, true] {
            guard let w = figures[balance] else { continue }
            let days = Weekday.allCases.map { "\($0.name) \(f(w.byWeekday[$0] ?? 0, 1))" }.joined(separator: ", ")
            print("mean answers by weekday, load balancer \(balance ? "on" : "off"): \(days)")
        }
        if let off = figures[false], let on = figures[true] {
            print(
                "sd \(f((1 - on.sd / off.sd) * 100, 1))% lower (goal ≥ 40%), around the 15-day mean "
                    + "\(f((1 - on.detrendedSd / off.detrendedSd) * 100, 1))% lower, day-to-day sd "
                    + "\(f((1 - on.daySd / off.daySd) * 100, 1))% lower; peak \(f(on.peakRatio, 2))× median (goal ≤ 1.5×); "
                    + "recall \(f((on.recall - off.recall) * 100, 2)) points (goal: within ±1)")
        }
    }

    static func compareOrders(_ o: Options) {
        let days = min(o.days, o.breakStart + o.breakDays + o.measureAfter)
        print(
            "backlog orders: \(o.entries) entries, a \(o.breakDays)-day break from day \(o.breakStart), recall measured on day "
                + "\(days) (\(o.measureAfter) days after the break), reviews-per-day \(o.settings.reviewsPerDay)")
        print("| backlog order | true recall | answers after the break | days until no review waits |")
        print("| --- | ---: | ---: | ---: |")
        for order in BacklogOrder.allCases {
            var settings = o.settings
            settings.backlogOrder = order
            let reports = (0..<UInt64(o.seeds)).map { simulation(o, settings: settings, days: days, seed: o.seed + $0).run() }
            let recall = reports.map(\.productionRecall).reduce(0, +) / Double(reports.count)
            let after = o.breakStart + o.breakDays
            let answers = reports.map { $0.daily[after...].map(\.answers).reduce(0, +) }.reduce(0, +) / reports.count
            let clears = reports.map { r in r.daily[after...].firstIndex { $0.waitingReviews == 0 }.map { $0 - after + 1 } }
            let slowest = clears.contains(nil) ? "> \(days - after)" : "\(clears.compactMap { $0 }.max() ?? 0)"
            print("| \(order.rawValue) | \(f(recall * 100, 2))% | \(answers) | \(slowest) |")
        }
    }

    /// Daily-answer figures over the study days (break days left out).
    struct Workload {
        var sd: Double
        /// The sd of each day's change from the day before, ÷ √2 (the unevenness, apart from the trend).
        var daySd: Double
        /// The sd of each day's difference from the mean of the 15 study days around it.
        var detrendedSd: Double
        /// The peak day outside the days the backlog of the break took (a review waiting, and the day after).
        var peakOutsideBacklog: Int
        var median: Double
        var peak: Int
        var peakRatio: Double
        var daysOverGoal: Int
        var recall: Double
        /// Mean answers per session on each weekday.
        var byWeekday: [Weekday: Double] = [:]

        init(_ reports: [EfficiencyReport], breakDays: Range<Int>, from first: Int = 0) {
            var sds: [Double] = []
            var daySds: [Double] = []
            var detrended: [Double] = []
            var outside: [Int] = []
            var medians: [Double] = []
            var peaks: [Int] = []
            var over = 0
            for report in reports {
                let counts = report.daily.enumerated().filter { $0.offset >= first && !breakDays.contains($0.offset) }.map {
                    Double($0.element.answers)
                }
                sds.append(Self.sd(counts))
                daySds.append(Self.sd(zip(counts.dropFirst(), counts).map { $0 - $1 }) / 2.0.squareRoot())
                detrended.append(
                    Self.sd(
                        counts.indices.map { i in
                            let window = counts[max(0, i - 7)...min(counts.count - 1, i + 7)]
                            return counts[i] - window.reduce(0, +) / Double(window.count)
                        }))
                let backlog = Set(report.daily.indices.filter { report.daily[$0].waitingReviews > 0 }.flatMap { [$0, $0 + 1] })
                outside.append(
                    report.daily.indices.filter { $0 >= first && !backlog.contains($0) }.map { report.daily[$0].answers }.max()
                        ?? 0)
                let sorted = counts.sorted()
                let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
                medians.append(median)
                peaks.append(Int(sorted.last ?? 0))
                over += counts.filter { $0 > 1.5 * median }.count
            }
            let n = Double(max(1, reports.count))
            sd = sds.reduce(0, +) / n
            daySd = daySds.reduce(0, +) / n
            detrendedSd = detrended.reduce(0, +) / n
            peakOutsideBacklog = outside.max() ?? 0
            median = medians.reduce(0, +) / n
            peak = peaks.max() ?? 0
            peakRatio = median > 0 ? Double(peak) / median : 0
            daysOverGoal = over / max(1, reports.count)
            recall = reports.map(\.productionRecall).reduce(0, +) / n
            for day in Weekday.allCases {
                let sessions = reports.flatMap { $0.daily[first...].filter { $0.weekday == day } }
                byWeekday[day] = Double(sessions.map(\.answers).reduce(0, +)) / Double(max(1, sessions.count))
            }
        }

        static func sd(_ xs: [Double]) -> Double {
            guard xs.count > 1 else { return 0 }
            let mean = xs.reduce(0, +) / Double(xs.count)
            return (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
        }
    }

    static func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
