import Foundation

/// The few protobuf fields gloss reads from Anki's blobs (deck options, note type kind,
/// package meta, media list): a plain wire-format walk, no generated code.
struct ProtobufFields {
    enum Value {
        case varint(UInt64)
        case fixed32(UInt32)
        case fixed64(UInt64)
        case bytes(Data)
    }

    /// (field number, value) in order; nil when the bytes are not protobuf.
    let fields: [(number: Int, value: Value)]

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var index = 0
        var fields: [(Int, Value)] = []
        func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = varint() else { return nil }
            let number = Int(key >> 3)
            switch key & 7 {
            case 0:
                guard let value = varint() else { return nil }
                fields.append((number, .varint(value)))
            case 1:
                guard index + 8 <= bytes.count else { return nil }
                let value = bytes[index..<index + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                index += 8
                fields.append((number, .fixed64(value)))
            case 2:
                guard let length = varint(), length <= UInt64(bytes.count - index) else { return nil }
                fields.append((number, .bytes(Data(bytes[index..<index + Int(length)]))))
                index += Int(length)
            case 5:
                guard index + 4 <= bytes.count else { return nil }
                let value = bytes[index..<index + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                index += 4
                fields.append((number, .fixed32(value)))
            default:
                return nil
            }
        }
        self.fields = fields
    }

    /// The last varint with this number (protobuf's rule for repeated scalars), or nil.
    func varint(_ number: Int) -> UInt64? {
        for field in fields.reversed() where field.number == number {
            if case .varint(let value) = field.value { return value }
        }
        return nil
    }

    /// Every length-delimited value with this number.
    func bytes(_ number: Int) -> [Data] {
        fields.compactMap { field in
            guard field.number == number, case .bytes(let data) = field.value else { return nil }
            return data
        }
    }

    /// A packed (or unpacked) repeated `float` field.
    func floats(_ number: Int) -> [Double] {
        var out: [Double] = []
        for field in fields where field.number == number {
            switch field.value {
            case .fixed32(let bits): out.append(Double(Float(bitPattern: bits)))
            case .bytes(let data):
                let bytes = [UInt8](data)
                var i = 0
                while i + 4 <= bytes.count {
                    let bits = bytes[i..<i + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    out.append(Double(Float(bitPattern: bits)))
                    i += 4
                }
            case .varint, .fixed64: break
            }
        }
        return out
    }
}
